:- set_prolog_flag(double_quotes, string).
% print_message/2 of error terms: SWI's wording for each kind.
e(error(determinism_error(p(1),det,nondet,goal), context(q/1,_))).
e(error(determinism_error(p(1),det,fail,goal), _)).
e(error(determinism_error(p/1,det,fail,property), _)).
e(error(determinism_error(p/1,det,nondet,property), _)).
e(error(determinism_error(p/1,det,fail,guard), _)).
e(error(existence_error(matching_rule, f(1)), context(f/1,_))).
e(error(existence_error(variable, k), context(system:nb_getval/2,_))).
e(error(existence_error(stream, foo), context(system:format/3,_))).
e(error(existence_error(key, foo), _)).
e(error(evaluation_error(undefined), context(system:(/)/2,_))).
e(error(evaluation_error(float_overflow), context(system:(**)/2,_))).
e(error(representation_error(max_arity), _)).
e(error(resource_error(memory), _)).
e(error(permission_error(input, stream, user_output), context(system:get_char/2,_))).
e(error(permission_error(modify, static_procedure, foo/1), context(system:assertz/1,_))).
e(error(permission_error(access, private_procedure, foo/1), _)).
e(error(uninstantiation_error(foo), context(system:open/4,_))).
e(error(type_error(evaluable, foo/0), context(system:(is)/2,_))).
e(error(type_error(callable, 1), _)).
e(error(type_error(list, [a|b]), _)).
e(error(type_error(integer, "s"), _)).
e(error(type_error(integer, 1.5), _)).
e(error(type_error(integer, f(x)), _)).
e(error(type_error(integer, []), _)).
e(error(domain_error(not_less_than_zero, -1), context(system:length/2,_))).
e(error(syntax_error(operator_expected), context(read_term/2,_))).
e(error(syntax_error(operator_expected), stream(user_input, 3, 4, 20))).
e(error(syntax_error(operator_expected), string("a b . ", 2))).
e(error(format('too many arguments'), context(system:format/2,_))).
e(error(format_argument_type(a, f(x)), context(system:format/2,_))).
e(error(instantiation_error, context(system:atom_length/2, _))).
e(error(foo_error, _)).
e(error(foo_error(x), bar)).
e(error(timeout_error(read, user_input), _)).
e(error(shell(foo, 1), _)).
e(error(io_error(read, user_input), _)).
e(foo).
e(foo(bar)).
e("a string").
e(error(type_error(text, f(x)), context(system:atom_length/2, 'extra message'))).
e(error(existence_error(procedure, foo/0), foo/0)).
e(error(existence_error(source_sink, 'nofile.pl'), _)).
e(error(permission_error(open, source_sink, '/x'), context(system:open/4, 'Permission denied'))).
e(error(evaluation_error(zero_divisor), context(system:(//)/2, _))).
e(error(representation_error(character_code), context(system:char_code/2, _))).
e(error(domain_error(format, foo), _)).
e(error(type_error(evaluable, foo/2), _)).
main :- forall(e(E), (print_message(error, E))).
