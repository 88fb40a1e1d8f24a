//! The custom mutator every target installs: half of the mutations are
//! structural (mutate.rs), the rest libFuzzer's own byte mutations, which
//! also run whenever the input cannot be read as the target's shape.

#[path = "mutate.rs"]
mod mutate;

pub fn mutate(target: &str, data: &mut [u8], size: usize, max_size: usize, seed: u32) -> usize {
    let mut random = mutate::Random::new(seed);
    if random.below(2) == 0 {
        let input = data.get(..size).unwrap_or_default();
        if let Some(out) = mutate::mutate(mutate::shape(target), input, &mut random) {
            if let Some(place) = data.get_mut(..out.len()).filter(|_| out.len() <= max_size) {
                place.copy_from_slice(&out);
                return out.len();
            }
        }
    }
    libfuzzer_sys::fuzzer_mutate(data, size, max_size)
}
