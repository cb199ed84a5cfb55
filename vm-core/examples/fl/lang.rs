//! FL and RPN as `vm_core::Language`s: each forwards both steps to its one
//! generic `step` and both entries to its one generic `enter`.

use gc_arena::Mutation;
use vm_core::jit::recorder::Recording;
use vm_core::{Action, CoreError, Frame, FrameInfo, Language, Meta, Plain, Value};

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
    fn step_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        fr: &mut Frame<'gc>,
    ) -> Action<'gc, Value<'gc>> {
        interp::step(m, fr)
    }
    fn step_recording<'gc>(
        &self,
        m: &mut Recording<'gc, '_>,
        fr: &mut Frame<'gc>,
    ) -> Action<'gc, <Recording<'gc, '_> as Meta<'gc>>::V> {
        interp::step(m, fr)
    }
    fn enter_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        callee: Value<'gc>,
        args: &[Value<'gc>],
    ) -> Result<Frame<'gc>, Value<'gc>> {
        interp::enter(m, callee, args)
    }
    fn enter_recording<'gc>(
        &self,
        m: &mut Recording<'gc, '_>,
        callee: Value<'gc>,
        args: &[<Recording<'gc, '_> as Meta<'gc>>::V],
    ) -> Result<Frame<'gc>, Value<'gc>> {
        interp::enter(m, callee, args)
    }
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
    fn step_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        fr: &mut Frame<'gc>,
    ) -> Action<'gc, Value<'gc>> {
        rpn::step(m, fr)
    }
    fn step_recording<'gc>(
        &self,
        m: &mut Recording<'gc, '_>,
        fr: &mut Frame<'gc>,
    ) -> Action<'gc, <Recording<'gc, '_> as Meta<'gc>>::V> {
        rpn::step(m, fr)
    }
    fn enter_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        callee: Value<'gc>,
        args: &[Value<'gc>],
    ) -> Result<Frame<'gc>, Value<'gc>> {
        rpn::enter(m, callee, args)
    }
    fn enter_recording<'gc>(
        &self,
        m: &mut Recording<'gc, '_>,
        callee: Value<'gc>,
        args: &[<Recording<'gc, '_> as Meta<'gc>>::V],
    ) -> Result<Frame<'gc>, Value<'gc>> {
        rpn::enter(m, callee, args)
    }
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
