//! See harness.rs: `openapi`; structural mutations in mutate.rs.
#![no_main]

#[path = "../harness.rs"]
#[allow(dead_code)]
mod harness;
#[path = "../structured.rs"]
mod structured;
#[path = "../signals.rs"]
mod signals;

libfuzzer_sys::fuzz_target!(
    init: signals::save_input_on_stack_overflow(),
    |data: &[u8]| harness::openapi(data)
);

libfuzzer_sys::fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    structured::mutate("openapi", data, size, max_size, seed)
});
