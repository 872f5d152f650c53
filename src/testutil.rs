//! Helpers for the unit tests.

/// `count` texts made of pieces of `alphabet` drawn by a xorshift generator from `seed`, each of
/// fewer than `max_len` pieces: the same texts on every run.
pub(crate) fn random_texts<'a>(
    alphabet: &'a [&'a str],
    mut seed: u64,
    count: usize,
    max_len: u64,
) -> impl Iterator<Item = String> + 'a {
    (0..count).map(move |_| {
        let mut t = String::new();
        for _ in 0..(seed % max_len) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            t.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        t
    })
}
