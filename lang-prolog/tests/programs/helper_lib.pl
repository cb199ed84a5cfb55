helper(X) :- X = from_helper.
:- write(helper_loaded), nl.
