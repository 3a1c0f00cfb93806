//! Work spread over the machine's cores, order kept: an import validates 100,000 rows, and
//! row by row on one core that was half of its time. Plain scoped threads (no pool to keep
//! alive in a server that imports rarely); pure CPU work, no I/O.

/// `items.map(f)` with the items cut into one contiguous run per core; the result is in
/// the items' order.
pub fn map<T: Send, U: Send>(mut items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    // Below this, starting threads costs more than it saves.
    const MIN_PER_THREAD: usize = 2_000;
    let threads = cores.min(items.len() / MIN_PER_THREAD).max(1);
    if threads == 1 {
        return items.into_iter().map(f).collect();
    }
    let per = items.len().div_ceil(threads);
    let mut runs: Vec<Vec<T>> = Vec::with_capacity(threads);
    while items.len() > per {
        runs.push(items.split_off(items.len() - per));
    }
    runs.push(items);
    runs.reverse(); // split from the end: put the first run back first
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = runs.into_iter().map(|run| s.spawn(move || run.into_iter().map(f).collect::<Vec<U>>())).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_whatever_the_cut() {
        for n in [0, 1, 1_999, 2_000, 4_001, 10_007] {
            let items: Vec<u64> = (0..n).collect();
            assert_eq!(super::map(items, |x| x * 3), (0..n).map(|x| x * 3).collect::<Vec<_>>(), "n = {n}");
        }
    }
}
