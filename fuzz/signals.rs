//! A stack overflow must leave its input behind like any other crash.
//!
//! libFuzzer saves the input from its SIGSEGV handler, but a stack overflow
//! faults with no stack left to run that handler on, so the process dies with
//! no artifact. libfuzzer-sys binaries start from libFuzzer's C `main`, so
//! Rust's own alternate signal stack is never set up either. This gives the
//! main thread one, and marks SIGSEGV `SA_ONSTACK` with the default action:
//! libFuzzer keeps that flag when it installs its handler, and still treats
//! the default action as "no upstream handler".

const ALTERNATE_STACK_BYTES: usize = 256 * 1024;

/// Called once from each target's `init`, before libFuzzer installs its handlers.
pub fn save_input_on_stack_overflow() {
    // Leaked: the alternate stack must live as long as the process.
    let stack: &'static mut [u8] = Vec::leak(vec![0u8; ALTERNATE_STACK_BYTES]);
    // SAFETY: the stack memory is valid for the whole process, and the
    // sigaction only sets flags on the default action for SIGSEGV.
    unsafe {
        let alternate = libc::stack_t {
            ss_sp: stack.as_mut_ptr().cast(),
            ss_flags: 0,
            ss_size: stack.len(),
        };
        if libc::sigaltstack(&alternate, std::ptr::null_mut()) != 0 {
            return;
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = libc::SIG_DFL;
        action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigaction(libc::SIGSEGV, &action, std::ptr::null_mut());
    }
}
