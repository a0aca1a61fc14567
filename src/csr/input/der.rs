//! A small, panic-free DER tag-length-value reader.
//!
//! x509-parser tells us *that* a request does not parse but not *where*; this reader walks the
//! raw structure so errors can name the byte offset, and lets [`super::classify`] recognise
//! certificates, keys and bundles by their shape without parsing them.

use std::borrow::Cow;

/// The identifier byte of a SEQUENCE.
pub(crate) const SEQUENCE: u8 = 0x30;
/// The identifier byte of a SET.
pub(crate) const SET: u8 = 0x31;
/// The identifier byte of an INTEGER.
pub(crate) const INTEGER: u8 = 0x02;
/// The identifier byte of a BIT STRING.
pub(crate) const BIT_STRING: u8 = 0x03;
/// The identifier byte of an OCTET STRING.
pub(crate) const OCTET_STRING: u8 = 0x04;
/// The identifier byte of an OBJECT IDENTIFIER.
pub(crate) const OID: u8 = 0x06;
/// The identifier byte of `[0]` constructed (context-specific).
pub(crate) const CONTEXT_0: u8 = 0xA0;

/// Nesting deeper than this is not walked: no real request comes close, and a bound keeps a
/// crafted input from exhausting the stack.
pub(crate) const MAX_DEPTH: usize = 48;

/// One element: where it starts and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    /// The first identifier byte (class, constructed bit and low tag number).
    pub(crate) tag: u8,
    /// Offset of the identifier byte from the start of the whole DER.
    pub(crate) offset: usize,
    /// The whole element: identifier, length and content.
    pub(crate) raw: &'a [u8],
    /// The content octets.
    pub(crate) content: &'a [u8],
    /// Offset of the first content byte from the start of the whole DER.
    pub(crate) content_offset: usize,
}

impl<'a> Tlv<'a> {
    /// True when the constructed bit is set.
    pub(crate) fn is_constructed(&self) -> bool {
        self.tag & 0x20 != 0
    }

    /// The elements inside a constructed element.
    pub(crate) fn children(&self) -> Result<Vec<Tlv<'a>>, Fault> {
        read_all(self.content, self.content_offset)
    }

    /// The elements inside a constructed element, read one at a time without collecting them;
    /// after a fault it yields nothing more.
    pub(crate) fn each_child(&self) -> Children<'a> {
        Children {
            rest: self.content,
            offset: self.content_offset,
        }
    }

    /// The offset just past this element.
    pub(crate) fn end(&self) -> usize {
        self.content_offset.saturating_add(self.content.len())
    }

    /// The identifier octets: the first one, and the rest of a high tag number.
    pub(crate) fn identifier(&self) -> &'a [u8] {
        let len = if self.tag & 0x1F == 0x1F {
            // `read` already found where the continuation octets end.
            let continued = self
                .raw
                .iter()
                .skip(1)
                .take_while(|b| **b & 0x80 != 0)
                .count();
            continued + 2
        } else {
            1
        };
        self.raw.get(..len).unwrap_or(self.raw)
    }

    /// The tag number, high tag numbers included (`None` when it does not fit in 32 bits).
    pub(crate) fn number(&self) -> Option<u32> {
        match self.identifier() {
            [first] => Some(u32::from(first & 0x1F)),
            [_, rest @ ..] => rest.iter().try_fold(0u32, |acc, b| {
                acc.checked_mul(128)
                    .map(|shifted| shifted | u32::from(b & 0x7F))
            }),
            [] => None,
        }
    }
}

/// The DER length octets for `len` content bytes: the short form below 128, else the
/// shortest long form (X.690 §10.1).
pub(crate) fn length_octets(len: usize) -> Vec<u8> {
    if let Ok(short) = u8::try_from(len)
        && short < 0x80
    {
        return vec![short];
    }
    let bytes = len.to_be_bytes();
    let significant: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
    let mut out = Vec::with_capacity(significant.len() + 1);
    // At most 8 length bytes, so the count fits in the low seven bits.
    out.push(0x80 | (significant.len() as u8));
    out.extend(significant);
    out
}

/// The element encoded again with the shortest length at every level, as DER requires;
/// the bytes of DER input come back unchanged (borrowed, as nearly every request is DER).
/// Primitive contents are copied as they are.
pub(crate) fn minimal<'a>(tlv: &Tlv<'a>) -> Cow<'a, [u8]> {
    if is_minimal(tlv, 0) {
        return Cow::Borrowed(tlv.raw);
    }
    let mut out = Vec::with_capacity(tlv.raw.len());
    write_minimal(tlv, 0, &mut out);
    Cow::Owned(out)
}

/// Whether [`write_minimal`] would write `tlv.raw` unchanged: every length it walks is in the
/// shortest form. (Re-encoding never lengthens an element, so the bytes are unchanged exactly
/// when no element on the way shrinks.)
fn is_minimal(tlv: &Tlv<'_>, depth: usize) -> bool {
    let header = tlv.raw.len().saturating_sub(tlv.content.len());
    if header != tlv.identifier().len() + length_octets_len(tlv.content.len()) {
        return false;
    }
    if !tlv.is_constructed() || depth >= MAX_DEPTH {
        return true;
    }
    // Content that does not read as elements is copied as it is, like a primitive's.
    let mut all_minimal = true;
    for child in tlv.each_child() {
        match child {
            Ok(child) => all_minimal = all_minimal && is_minimal(&child, depth + 1),
            Err(_) => return true,
        }
    }
    all_minimal
}

/// How many octets [`length_octets`] writes for `len`.
fn length_octets_len(len: usize) -> usize {
    if len < 0x80 {
        return 1;
    }
    let significant = std::mem::size_of::<usize>() - (len.leading_zeros() as usize) / 8;
    1 + significant
}

fn write_minimal(tlv: &Tlv<'_>, depth: usize, out: &mut Vec<u8>) {
    let children = match tlv.is_constructed() && depth < MAX_DEPTH {
        true => tlv.children().ok(),
        false => None,
    };
    out.extend_from_slice(tlv.identifier());
    match children {
        Some(children) => {
            let mut content = Vec::with_capacity(tlv.content.len());
            for child in &children {
                write_minimal(child, depth + 1, &mut content);
            }
            out.extend(length_octets(content.len()));
            out.extend(content);
        }
        None => {
            out.extend(length_octets(tlv.content.len()));
            out.extend_from_slice(tlv.content);
        }
    }
}

/// One element with `content`, its length in the shortest form.
pub(crate) fn encode(identifier: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![identifier];
    out.extend(length_octets(content.len()));
    out.extend_from_slice(content);
    out
}

/// Where and why the structure is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fault {
    /// Offset from the start of the whole DER.
    pub(crate) offset: usize,
    /// What is wrong, in plain words.
    pub(crate) detail: String,
}

impl Fault {
    fn new(offset: usize, detail: impl Into<String>) -> Self {
        Self {
            offset,
            detail: detail.into(),
        }
    }
}

/// Reads one element from `buf`, which starts `base` bytes into the whole DER. Returns the
/// element and the bytes after it.
pub(crate) fn read(buf: &[u8], base: usize) -> Result<(Tlv<'_>, &[u8]), Fault> {
    let mut pos = 0usize;
    let at = |pos: usize| base.saturating_add(pos);
    let tag = *buf
        .first()
        .ok_or_else(|| Fault::new(base, "the data ends where an element should start"))?;
    pos += 1;
    if tag & 0x1F == 0x1F {
        // High tag numbers continue while bit 8 is set; no request uses them, but skipping
        // them keeps the walk aligned.
        loop {
            let b = *buf
                .get(pos)
                .ok_or_else(|| Fault::new(base, "the data ends inside a tag"))?;
            pos += 1;
            if b & 0x80 == 0 {
                break;
            }
            if pos > 6 {
                return Err(Fault::new(base, "tag number too long"));
            }
        }
    }
    let first_len = *buf
        .get(pos)
        .ok_or_else(|| Fault::new(base, "the data ends before the length of an element"))?;
    pos += 1;
    let len = if first_len < 0x80 {
        usize::from(first_len)
    } else if first_len == 0x80 {
        return Err(Fault::new(
            base,
            "indefinite length (BER), which DER does not allow",
        ));
    } else {
        let count = usize::from(first_len & 0x7F);
        if count > 4 {
            return Err(Fault::new(base, format!("a {count}-byte length field")));
        }
        let bytes = buf
            .get(pos..pos + count)
            .ok_or_else(|| Fault::new(base, "the data ends inside the length of an element"))?;
        pos += count;
        bytes
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b))
    };
    let rest = buf.get(pos..).unwrap_or_default();
    let content = rest.get(..len).ok_or_else(|| {
        Fault::new(
            base,
            format!(
                "an element declares {len} bytes of content but only {} follow (the data is cut off)",
                rest.len()
            ),
        )
    })?;
    let after = rest.get(len..).unwrap_or_default();
    let raw = buf.get(..pos.saturating_add(len)).unwrap_or_default();
    Ok((
        Tlv {
            tag,
            offset: base,
            raw,
            content,
            content_offset: at(pos),
        },
        after,
    ))
}

/// The iterator of [`Tlv::each_child`].
pub(crate) struct Children<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl<'a> Iterator for Children<'a> {
    type Item = Result<Tlv<'a>, Fault>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match read(self.rest, self.offset) {
            Ok((tlv, rest)) => {
                self.offset = tlv.end();
                self.rest = rest;
                Some(Ok(tlv))
            }
            Err(fault) => {
                self.rest = &[];
                Some(Err(fault))
            }
        }
    }
}

/// Reads every element of `buf` (which starts `base` bytes into the whole DER).
pub(crate) fn read_all(mut buf: &[u8], base: usize) -> Result<Vec<Tlv<'_>>, Fault> {
    let mut items = Vec::new();
    let mut offset = base;
    while !buf.is_empty() {
        let (tlv, rest) = read(buf, offset)?;
        offset = tlv.end();
        items.push(tlv);
        buf = rest;
    }
    Ok(items)
}

/// Checks that every constructed element nests properly, and returns the first fault.
pub(crate) fn check_structure(der: &[u8]) -> Result<(), Fault> {
    let (top, rest) = read(der, 0)?;
    if !rest.is_empty() {
        return Err(trailing(top.end(), rest.len()));
    }
    check_nested(&top, 0)
}

fn check_nested(tlv: &Tlv<'_>, depth: usize) -> Result<(), Fault> {
    if !tlv.is_constructed() || depth >= MAX_DEPTH {
        return Ok(());
    }
    // Every sibling is read before any is entered, so a fault among the siblings is
    // reported before one deeper inside an earlier sibling.
    for child in tlv.each_child() {
        child?;
    }
    for child in tlv.each_child().flatten() {
        check_nested(&child, depth + 1)?;
    }
    Ok(())
}

/// The fault for bytes left over after the request.
pub(crate) fn trailing(offset: usize, count: usize) -> Fault {
    Fault::new(
        offset,
        format!("{count} unexpected bytes after the end of the request"),
    )
}

/// The value of a small non-negative INTEGER, if `tlv` is one.
pub(crate) fn small_uint(tlv: &Tlv<'_>) -> Option<u64> {
    if tlv.tag != INTEGER || tlv.content.is_empty() || tlv.content.len() > 8 {
        return None;
    }
    if tlv.content.first().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    Some(
        tlv.content
            .iter()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b)),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
