//! Decimal digits of an unsigned number without the formatter (`n.to_string()` goes through
//! `core::fmt`, a few hundred instructions a number): the JSON report writes six numbers a span,
//! and placeholder keys and fingerprints write one each.

/// `n` in decimal, two digits at a time, written into `buf` from byte `AT` on; how many digits.
#[inline(always)]
pub fn decimal_at<const AT: usize>(buf: &mut [u8; 24], mut n: usize) -> usize {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    // (the numbers of a report are mostly short: compares before a logarithm)
    let digits = match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        10_000..=99_999 => 5,
        100_000..=999_999 => 6,
        1_000_000..=9_999_999 => 7,
        10_000_000..=99_999_999 => 8,
        _ => n.ilog10() as usize + 1,
    };
    let mut i = AT + digits;
    while n >= 100 {
        let d = (n % 100) * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[d..d + 2]);
    }
    if n >= 10 {
        buf[AT..AT + 2].copy_from_slice(&PAIRS[n * 2..n * 2 + 2]);
    } else {
        buf[AT] = b'0' + n as u8;
    }
    digits
}

/// The digits of `n`, left-aligned in a fixed buffer, and how many there are (the buffer is
/// there to be copied whole and cut back: no copy of a variable length).
#[inline(always)]
pub fn digits(n: usize) -> ([u8; 24], usize) {
    let mut buf = [0u8; 24];
    let len = decimal_at::<0>(&mut buf, n);
    (buf, len)
}

/// `prefix` then `n` in decimal, as a new string (`format!("{prefix}{n}")`).
pub fn prefixed(prefix: char, n: usize) -> String {
    let (buf, len) = digits(n);
    let mut s = String::with_capacity(prefix.len_utf8() + len);
    s.push(prefix);
    s.push_str(std::str::from_utf8(&buf[..len]).expect("digits are ASCII"));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_the_formatter_writes_them() {
        let mut n = 1usize;
        for k in 0..200 {
            for m in [k, n.wrapping_sub(1), n, n.wrapping_add(1), usize::MAX - k] {
                let (buf, len) = digits(m);
                assert_eq!(std::str::from_utf8(&buf[..len]).unwrap(), m.to_string());
                assert_eq!(prefixed('?', m), format!("?{m}"));
            }
            n = n.wrapping_mul(3) | 1;
        }
    }
}
