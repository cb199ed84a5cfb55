% split_string/4 when separators and pad characters overlap: SWI strips the
% whole text first, then each field, and a separator that is also pad
% swallows the pad run after it.
:- set_prolog_flag(double_quotes, string).
t(S, Sep, Pad) :- split_string(S, Sep, Pad, L), writeq(S/Sep/Pad = L), nl.
:- t("  the quick  brown fox ", " ", " ").
:- t("/home//jan///nice/path", "/", "").
:- t("SWI-Prolog, 7.0", ",", " ").
:- t("a, b ,,c", ",", " ").
:- t("  ", " ", " ").
:- t(",a,", ",", "").
:- t("  a b  ", " ", "").
:- t("x--y", "-", "-").
:- t("", "", "").
:- t("abc", "", "ac").
:- t("a..b", ".", ".").
:- t("a-.b", "-.", ".").
:- t("a.-b", "-.", ".").
:- t("a- -b", "-", " ").
:- t("a.b..", ".", ".").
:- t(". .a", ".", " ").
:- t("line one\nline two\n", "\n", "").
:- t("k = v ; k2=v2", ";", " "), split_string("k = v", "=", " ", [K, V]), writeq(K-V), nl.
:- split_string(abc, "", "", L), writeq(L), nl.
:- catch(split_string(_, "", "", _), error(E, _), (writeq(E), nl)).
