//! Hashing for words: the Fx hash, the sets and maps of words hashed with it, and
//! [`WordBits`], the open-addressing table from words to bit sets that every token is looked up
//! in. A leaf module: it imports nothing of the crate, so the stages that hash words (token,
//! lexicon, resolve) do not import each other for it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hash for lexicon lookups (the Fx hash of rustc): the keys are the rules' own words,
/// so the flooding resistance of the default SipHash buys nothing, and the lookups, several per
/// token, cost a tenth of the pipeline with it.
#[derive(Debug, Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

/// The 1 to 7 bytes of `rest` as a little-endian word, zero-extended: the value of
/// `u64::from_le_bytes` of them padded with zeros, from two (overlapping) loads instead of a
/// copy of a variable length (a call to `memcpy`).
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u16_at = |i: usize| u16::from_le_bytes([rest[i], rest[i + 1]]) as u64;
    let u32_at = |i: usize| u32::from_le_bytes(rest[i..i + 4].try_into().expect("4 bytes")) as u64;
    if n >= 4 {
        u32_at(0) | u32_at(n - 4) << (8 * (n - 4))
    } else if n >= 2 {
        u16_at(0) | u16_at(n - 2) << (8 * (n - 2))
    } else {
        rest[0] as u64
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A set of words hashed with [`FxHasher`].
pub type WordSet = HashSet<String, BuildHasherDefault<FxHasher>>;
/// A map from words hashed with [`FxHasher`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;

/// `f` of `s` lower-cased (`str::to_lowercase`): an ASCII word of up to 32 bytes lower-cased
/// in a buffer on the stack, not in a new string (the look-ups of a word in a lexicon or a
/// [`WordMap`], several a sentence).
#[inline]
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if !s.bytes().any(|b| b.is_ascii_uppercase()) && s.is_ascii() {
        return f(s);
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..s.len()) {
        Some(b) if s.is_ascii() => {
            b.copy_from_slice(s.as_bytes());
            b.make_ascii_lowercase();
            f(std::str::from_utf8(b).expect("ASCII"))
        }
        _ => f(&s.to_lowercase()),
    }
}

/// A map from words to bit sets, for the lookup of every token of a text (see
/// [`crate::lexicon::WordClasses`]): open addressing on the words' lengths and bytes read as
/// two integers, so that a word of up to 16 bytes, most words, is hashed with one multiply and
/// compared with two integer compares (a [`WordMap`] hashes a word a chunk at a time and calls
/// `memcmp` on a match).
#[derive(Debug, Clone)]
pub struct WordBits {
    /// a power of two of slots, at most half of them used
    slots: Vec<BitsSlot>,
    /// the words, in the order added (those longer than 16 bytes are compared in full)
    words: Vec<String>,
    shift: u32,
    len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordKey {
    /// the length in bytes (`usize::MAX`: an empty slot)
    len: usize,
    /// the first (up to) 8 bytes, little-endian, zero-extended
    head: u64,
    /// bytes 8..16 the same way; the last 8 bytes of a word longer than 16 bytes
    tail: u64,
}

#[derive(Debug, Clone, Copy)]
struct BitsSlot {
    key: WordKey,
    bits: u64,
    /// index in `words`
    word: u32,
}

const EMPTY_SLOT: BitsSlot = BitsSlot {
    key: WordKey {
        len: usize::MAX,
        head: 0,
        tail: 0,
    },
    bits: 0,
    word: u32::MAX,
};

/// `b` (at most 8 bytes) as a little-endian integer, zero-extended.
#[inline]
fn le_word(b: &[u8]) -> u64 {
    match b.len() {
        0 => 0,
        8 => u64::from_le_bytes(b.try_into().expect("8 bytes")),
        _ => tail_word(b),
    }
}

impl WordKey {
    /// Two words of at most 16 bytes are equal when their keys are.
    #[inline]
    fn of(w: &[u8]) -> WordKey {
        let n = w.len();
        let (head, tail) = if n <= 8 {
            (le_word(w), 0)
        } else if n <= 16 {
            (le_word(&w[..8]), le_word(&w[8..]))
        } else {
            (le_word(&w[..8]), le_word(&w[n - 8..]))
        };
        WordKey { len: n, head, tail }
    }

    #[inline]
    fn hash(&self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ (self.len as u64).rotate_left(53))
            .wrapping_mul(SEED)
    }
}

impl Default for WordBits {
    fn default() -> WordBits {
        WordBits {
            slots: vec![EMPTY_SLOT; 2],
            words: Vec::new(),
            shift: 63,
            len: 0,
        }
    }
}

impl WordBits {
    /// The slot of `w`: where it is, or the empty slot where it would go.
    #[inline(always)]
    fn slot(&self, w: &str) -> usize {
        let key = WordKey::of(w.as_bytes());
        let mask = self.slots.len() - 1;
        // (the high bits of the product depend on every bit of the key)
        let mut i = (key.hash() >> self.shift) as usize;
        loop {
            let s = &self.slots[i];
            if s.key.len == usize::MAX
                || (s.key == key && (key.len <= 16 || self.words[s.word as usize] == w))
            {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Add the bits `bits` to those of `w`.
    pub fn insert(&mut self, w: &str, bits: u64) {
        if (self.len + 1) * 2 > self.slots.len() {
            let grown = vec![EMPTY_SLOT; self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, grown);
            self.shift -= 1;
            for s in old.into_iter().filter(|s| s.key.len != usize::MAX) {
                let i = self.slot(&self.words[s.word as usize]);
                self.slots[i] = s;
            }
        }
        let i = self.slot(w);
        let s = &mut self.slots[i];
        if s.key.len == usize::MAX {
            s.key = WordKey::of(w.as_bytes());
            s.word = u32::try_from(self.words.len()).expect("fewer than 2^32 words");
            self.words.push(w.to_string());
            self.len += 1;
        }
        s.bits |= bits;
    }

    /// The bits of `w` (0 when it has none).
    #[inline]
    pub fn get(&self, w: &str) -> u64 {
        self.slots[self.slot(w)].bits
    }
}

/// The `BuildHasher` of [`FxHasher`], for maps of other keys (indices, spans).
pub type FxBuild = BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    #[test]
    fn with_lower_is_to_lowercase() {
        for w in [
            "",
            "said",
            "Said",
            "SAID",
            "Émile",
            "ÉMILE",
            "İstanbul",
            "x".repeat(31).as_str(),
            "X".repeat(32).as_str(),
            "X".repeat(33).as_str(),
            "Straße",
            "ΣΑΣ",
        ] {
            super::with_lower(w, |l| assert_eq!(l, w.to_lowercase(), "{w:?}"));
        }
    }

    use super::*;
    use std::collections::HashMap;

    /// `WordBits` answers as a map from words to the union of their bits.
    #[test]
    fn word_bits_are_a_map() {
        let alphabet = ["a", "b", "e", "\u{e9}", "'", "-", "s", "t", "x", "\u{201c}"];
        let words: Vec<String> =
            crate::testutil::random_texts(&alphabet, 0x9e37_79b9_7f4a_7c15, 3000, 12).collect();
        let mut table = WordBits::default();
        let mut map: HashMap<String, u64> = HashMap::new();
        for (k, w) in words.iter().enumerate().filter(|(k, _)| k % 3 == 0) {
            let bits = 1u64 << (k % 64) | 1u64 << (w.len() % 64);
            table.insert(w, bits);
            *map.entry(w.clone()).or_default() |= bits;
        }
        table.insert("", 1 << 5);
        *map.entry(String::new()).or_default() |= 1 << 5;
        for w in words.iter().map(String::as_str).chain(["", "a", "zz"]) {
            assert_eq!(table.get(w), map.get(w).copied().unwrap_or(0), "{w:?}");
        }
        // words of 8, 16 and more bytes that differ in one byte only
        let mut table = WordBits::default();
        for n in [7, 8, 9, 15, 16, 17, 24, 40] {
            table.insert(&"a".repeat(n), n as u64);
        }
        for n in [7, 8, 9, 15, 16, 17, 24, 40] {
            assert_eq!(table.get(&"a".repeat(n)), n as u64);
            for at in [0, n / 2, n - 1] {
                let mut other = "a".repeat(n).into_bytes();
                other[at] = b'b';
                assert_eq!(
                    table.get(std::str::from_utf8(&other).unwrap()),
                    0,
                    "{n} {at}"
                );
            }
        }
    }

    #[test]
    fn tail_words_are_the_bytes_zero_padded() {
        let bytes = [0x81u8, 0x02, 0xf3, 0x44, 0x05, 0xa6, 0x77];
        for n in 1..=7 {
            let mut b = [0u8; 8];
            b[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(b), "{n}");
        }
    }
}
