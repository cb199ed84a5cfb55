//! `Meta::new_frame_owned` builds the same frame as `Meta::new_frame`, in
//! the plain interpreter (which keeps the vector) and while recording.

use vm_core::exec::Frame;
use vm_core::heap;
use vm_core::jit::recorder::{Recorder, Recording};
use vm_core::jit::{GreenKey, JitState};
use vm_core::meta::Plain;
use vm_core::{Meta, Value};

mod common;
use common::Prog;

#[test]
fn new_frame_owned_matches_new_frame() {
    gc_arena::arena::rootless_mutate(|mc| {
        let code = heap::new_code(mc, 0, Box::new(Prog::AllocLoop), vec![]);
        let regs = vec![Value::Int(7), Value::None, Value::Bool(true)];

        let mut jit = JitState::default();
        let mut fuel = 10;
        let mut m = Plain::new(mc, &mut jit, &mut fuel);
        let a = m.new_frame(0, code, &regs);
        let b = m.new_frame_owned(0, code, regs.clone());
        assert_eq!(format!("{:?}", a.regs), format!("{:?}", b.regs));
        assert_eq!((b.pc, b.ret_reg, b.shadow.len()), (0, 0, 0));

        // Recording: the shadow registers come along.
        let mut caller = Frame::new(0, code, vec![Value::Int(0)]);
        let key = GreenKey::of(&caller, 0);
        let mut rec = Recorder::start_loop(&mut caller, key, 0, 1000);
        let mut m = Recording::new(mc, &mut rec);
        let args: Vec<_> = regs.iter().map(|v| m.konst(*v)).collect();
        let a = m.new_frame(0, code, &args);
        let b = m.new_frame_owned(0, code, args);
        assert_eq!(format!("{:?}", a.regs), format!("{:?}", b.regs));
        assert_eq!(a.shadow, b.shadow);
        assert_eq!(b.shadow.len(), 3);
    });
}
