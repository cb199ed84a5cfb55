:- set_prolog_flag(double_quotes, string).
% The context format/1,2,3 errors name: format/2 for format/1, format/3
% (no module) for a bad format text, as SWI does.
t(G) :- catch(G, error(F, context(C, _)), (print(F-C), nl)), nl.
main :- t(format("~d", [a])), t(format(atom(_), "~d", [a])), t(format(user_error, "~d", [a])),
    t(format("~d ~d", [1])), t(format(atom(_), "~a", [])), t(format(foo, [])), t(format(1, [])),
    t(format("~e", [a])), t(format("~s", [abc])), t(format("~c", [a])), t(format("~*c", [a, 0'x])),
    t(format("~q")), t(format(_, [])), t(format(atom(_), 2, [])), t(format(_)).
