//! Line bookkeeping for scanned buffers: which file line a byte or a buffer line is on, the line
//! around a match, a forward-only cursor. Every detector maps positions to lines through these.

/// Each line of `text` (without its `\n`) with its byte offset, found with `memchr`; a text that
/// ends with `\n` ends with an empty line, as `split(b'\n')` would give.
pub fn split_lines(text: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', text).chain(std::iter::once(text.len()));
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let line = (start, &text[start..end]);
        start = end + 1;
        Some(line)
    })
}

/// Maps the lines of a scanned buffer to line numbers in the file they came from.
/// Hooks scan only the added lines of a diff, joined into one buffer; scans read whole files.
#[derive(Debug, Clone, Copy)]
pub enum LineMap<'a> {
    /// The buffer is the file itself (or a contiguous part starting at `first`, 1-based).
    Contiguous { first: u32 },
    /// Buffer line `i` (0-based) is file line `map[i]`.
    Mapped(&'a [u32]),
}

impl LineMap<'_> {
    /// File line number (1-based) of buffer line `idx` (0-based).
    pub fn line(&self, idx: usize) -> u32 {
        match self {
            LineMap::Contiguous { first } => first + idx as u32,
            LineMap::Mapped(map) => map
                .get(idx)
                .copied()
                .unwrap_or_else(|| map.last().copied().unwrap_or(0) + (idx + 1 - map.len()) as u32),
        }
    }
}

/// The newline positions of a buffer, for mapping many byte offsets to lines (built once per
/// buffer that has a finding; a buffer without findings never pays for it).
#[derive(Debug, Default)]
pub struct LineIndex {
    newlines: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &[u8]) -> LineIndex {
        let mut index = LineIndex::default();
        index.reset(text);
        index
    }

    /// Reuses the allocation for another buffer.
    pub fn reset(&mut self, text: &[u8]) {
        self.newlines.clear();
        self.newlines.extend(
            text.iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i),
        );
        self.len = text.len();
    }

    /// 0-based line of byte `pos`.
    pub fn line_of(&self, pos: usize) -> usize {
        self.newlines.partition_point(|&p| p < pos)
    }

    /// Byte range of line `line` (0-based), without its `\n`.
    pub fn span(&self, line: usize) -> (usize, usize) {
        let start = if line == 0 {
            0
        } else {
            self.newlines.get(line - 1).map_or(self.len, |&p| p + 1)
        };
        let end = self.newlines.get(line).copied().unwrap_or(self.len);
        (start, end.max(start))
    }
}

/// The full lines spanned by `s..e`.
pub fn line_around(text: &[u8], s: usize, e: usize) -> &[u8] {
    let ls = text[..s]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let le = text[e..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |p| e + p);
    &text[ls..le]
}

/// The byte range of the line holding `start..end` (a match that holds no newline).
pub fn line_span(text: &[u8], start: usize, end: usize) -> (usize, usize) {
    let ls = text[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (ls, find_newline(text, end))
}

/// The end of the line `n` lines after the one ending at `end`.
pub fn extend_lines(text: &[u8], mut end: usize, n: u32) -> usize {
    for _ in 0..n {
        if end >= text.len() {
            break;
        }
        end = find_newline(text, end + 1);
    }
    end
}

/// The line of a buffer a search is on, moved forward only: line numbers are counted over the
/// bytes skipped, so a scan costs one pass however long its lines are and however many hits.
pub struct LineCursor<'t> {
    text: &'t [u8],
    pub start: usize,
    /// Index of the line's `\n`, or the text's length.
    pub end: usize,
    /// 0-based index of the line. Counted as the cursor moves, over bytes the keyword search
    /// has just read (still in cache): counting lazily for a late match re-reads a cold buffer.
    pub idx: usize,
}

impl<'t> LineCursor<'t> {
    pub fn new(text: &'t [u8]) -> LineCursor<'t> {
        LineCursor {
            text,
            start: 0,
            end: find_newline(text, 0),
            idx: 0,
        }
    }

    /// Moves to the line holding byte `pos` (`pos` is past the current line).
    pub fn advance_to(&mut self, pos: usize) {
        let skipped = &self.text[self.end..pos];
        self.idx += count_newlines(skipped);
        // `skipped` starts with the current line's `\n`, so it holds at least one.
        self.start = self.end + skipped.iter().rposition(|&b| b == b'\n').unwrap_or(0) + 1;
        self.end = find_newline(self.text, pos);
    }

    /// The line without its `\n` (and `\r`).
    pub fn line(&self) -> &'t [u8] {
        let l = &self.text[self.start..self.end];
        l.strip_suffix(b"\r").unwrap_or(l)
    }

    /// The line with up to `n` lines either side.
    pub fn around(&self, n: usize) -> &'t [u8] {
        let mut from = self.start;
        for _ in 0..n {
            if from == 0 {
                break;
            }
            from = self.text[..from - 1]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
        }
        let mut to = self.end;
        for _ in 0..n {
            if to >= self.text.len() {
                break;
            }
            to = find_newline(self.text, to + 1);
        }
        &self.text[from..to.min(self.text.len())]
    }
}

/// Eight bytes at a time: several times faster than a byte loop, and a tree scan counts every line.
pub fn count_newlines(bytes: &[u8]) -> usize {
    const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NL: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().expect("8 bytes")) ^ NL;
        // High bit of each byte set unless the byte is zero (was a newline), without carries.
        let nonzero = ((x & LO7) + LO7) | x;
        n += (!nonzero & !LO7).count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

pub fn find_newline(text: &[u8], from: usize) -> usize {
    text[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_counted_in_every_position() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    [b'\n', b'a', 0x8a, 0x0b, 0xff, 0][(x % 6) as usize]
                })
                .collect();
            let slow = bytes.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_newlines(&bytes), slow, "{bytes:?}");
        }
    }

    #[test]
    fn line_index_and_cursor_agree() {
        let text = b"ab\n\ncd\r\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_of(0), 0);
        assert_eq!(idx.line_of(3), 1);
        assert_eq!(idx.line_of(4), 2);
        assert_eq!(idx.span(2), (4, 7));
        assert_eq!(idx.span(3), (8, 12));
        let mut c = LineCursor::new(text);
        c.advance_to(9);
        assert_eq!((c.idx, c.line()), (3, &b"last"[..]));
        assert_eq!(line_around(text, 5, 6), b"cd\r");
        assert_eq!(extend_lines(text, 2, 2), 7);
        assert_eq!(LineMap::Mapped(&[5, 9]).line(3), 11);
    }
}
