//! FL and RPN as `vm_core::Language`s: each forwards both steps to its one
//! generic `step` and both entries to its one generic `enter`.

use gc_arena::Mutation;
use vm_core::{CoreError, Frame, FrameInfo, Language, Value};

use crate::fl::error::{describe, new_error};
use crate::fl::{interp, rpn};

pub struct Fl;
pub struct Rpn;

fn core_message(kind: CoreError, msg: &str) -> String {
    match kind {
        CoreError::Recursion => "maximum recursion depth exceeded".to_string(),
        CoreError::NotCallable => msg.to_string(),
    }
}

impl Language for Fl {
    fn name(&self) -> &'static str {
        "fl"
    }
    vm_core::language_steps!(interp::step, interp::enter);
    fn catch<'gc>(&self, _mc: &Mutation<'gc>, _fr: &mut Frame<'gc>, _exc: Value<'gc>) -> bool {
        false
    }
    fn core_error<'gc>(&self, mc: &Mutation<'gc>, kind: CoreError, msg: &str) -> Value<'gc> {
        new_error(mc, &core_message(kind, msg))
    }
    fn describe_exception<'gc>(&self, exc: Value<'gc>) -> String {
        describe(exc)
    }
    fn frame_info<'gc>(&self, fr: &Frame<'gc>) -> FrameInfo {
        let (_, fl) = interp::fl_code(fr.code);
        let p = fl
            .pos
            .get(fr.pc as usize)
            .or(fl.pos.last())
            .copied()
            .unwrap_or_default();
        FrameInfo {
            lang: "fl",
            name: fl.name.clone(),
            file: fl.file.to_string(),
            line: p.line,
            col: p.col,
        }
    }
}

impl Language for Rpn {
    fn name(&self) -> &'static str {
        "rpn"
    }
    vm_core::language_steps!(rpn::step, rpn::enter);
    fn catch<'gc>(&self, _mc: &Mutation<'gc>, _fr: &mut Frame<'gc>, _exc: Value<'gc>) -> bool {
        false
    }
    fn core_error<'gc>(&self, mc: &Mutation<'gc>, kind: CoreError, msg: &str) -> Value<'gc> {
        new_error(mc, &core_message(kind, msg))
    }
    fn describe_exception<'gc>(&self, exc: Value<'gc>) -> String {
        describe(exc)
    }
    fn frame_info<'gc>(&self, fr: &Frame<'gc>) -> FrameInfo {
        let (_, rc) = rpn::rpn_code(fr.code);
        let p = rc
            .pos
            .get(fr.pc as usize)
            .or(rc.pos.last())
            .copied()
            .unwrap_or_default();
        FrameInfo {
            lang: "rpn",
            name: rc.name.clone(),
            file: rc.file.to_string(),
            line: p.line,
            col: p.col,
        }
    }
}
