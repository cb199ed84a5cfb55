% Pattern-matching responses in the style of ELIZA: word lists, segment
% variables matched with append/3, pronoun swapping, first matching rule.
:- initialization(main).

rule([i, am|X], [why, are, you|Y]) :- swap(X, Y).
rule([i, feel|X], [do, you, often, feel|X]).
rule(X, [tell, me, more, about, your, family]) :- member(W, [mother, father, sister, brother]), memberchk(W, X).
rule([you|_], [we, were, talking, about, you, not, me]).
rule(X, [why, do, you, say|Y]) :- append(_, [because|Y0], X), Y0 \== [], swap(Y0, Y).
rule(_, [please, go, on]).

swap([], []).
swap([W|Ws], [V|Vs]) :- ( pron(W, V) -> true ; V = W ), swap(Ws, Vs).
pron(i, you). pron(me, you). pron(my, your). pron(am, are). pron(you, i).

reply(In, Out) :- once(rule(In, Out)).

main :-
    forall(member(S, ['i am sad about my job', 'i feel tired', 'my mother called',
                      'you are a program', 'it rained because i forgot my umbrella', 'hello']),
           ( atomic_list_concat(Ws, ' ', S), reply(Ws, R), atomic_list_concat(R, ' ', A),
             format("> ~w~n< ~w~n", [S, A]) )).
