//! Data parallelism that degrades to a plain loop without the `parallel`
//! feature (WASM), with the same results in the same order.

/// Maps in parallel when the `parallel` feature is on; the output keeps the input
/// order either way, so reports are identical.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// Runs two independent computations, in parallel with the `parallel` feature.
pub(crate) fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(feature = "parallel")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "parallel"))]
    {
        (a(), b())
    }
}

/// Frees a large value off the caller's path: a 47 MB description's tree takes
/// a fifth of a review to free, which the report need not wait for. Without
/// the `parallel` feature it is freed at once.
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    #[cfg(feature = "parallel")]
    {
        rayon::spawn(move || drop(value));
    }
    #[cfg(not(feature = "parallel"))]
    {
        drop(value);
    }
}
