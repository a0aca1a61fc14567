use super::*;

#[test]
fn a_cut_off_element_is_reported_at_its_header() {
    let fault = check_structure(&[0x30, 0x05, 0x02, 0x01, 0x00]).unwrap_err();
    assert_eq!(fault.offset, 0);
}

#[test]
fn a_broken_child_is_reported_at_the_child() {
    let fault = check_structure(&[0x30, 0x04, 0x02, 0x01, 0x00, 0x02]).unwrap_err();
    assert_eq!(fault.offset, 5);
}

#[test]
fn long_form_lengths_are_read() {
    let mut der = vec![0x04, 0x81, 0x80];
    der.extend([0u8; 0x80]);
    let (tlv, rest) = read(&der, 0).unwrap();
    assert_eq!(tlv.content.len(), 0x80);
    assert_eq!(tlv.content_offset, 3);
    assert!(rest.is_empty());
}

#[test]
fn long_form_lengths_are_written_again_in_the_shortest_form() {
    let ber = [0x30, 0x81, 0x05, 0x31, 0x82, 0x00, 0x01, 0x05];
    let (tlv, _) = read(&ber, 0).unwrap();
    assert_eq!(*minimal(&tlv), [0x30, 0x03, 0x31, 0x01, 0x05]);
    let der = [0x30, 0x03, 0x31, 0x01, 0x05];
    assert!(matches!(minimal(&read(&der, 0).unwrap().0), Cow::Borrowed(b) if b == der));
}

#[test]
fn high_tag_numbers_are_kept_whole() {
    let ber = [0x7F, 0x20, 0x81, 0x00];
    let (tlv, _) = read(&ber, 0).unwrap();
    assert_eq!(tlv.identifier(), &[0x7F, 0x20]);
    assert_eq!(tlv.number(), Some(32));
    assert_eq!(*minimal(&tlv), [0x7F, 0x20, 0x00]);
}

#[test]
fn lengths_of_128_bytes_and_more_take_the_long_form() {
    assert_eq!(length_octets(0x7F), vec![0x7F]);
    assert_eq!(length_octets(0x80), vec![0x81, 0x80]);
    assert_eq!(length_octets(0x1234), vec![0x82, 0x12, 0x34]);
    for len in [
        0, 1, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x1_0000, 0xFF_FFFF, 0x100_0000,
    ] {
        assert_eq!(length_octets_len(len), length_octets(len).len(), "{len:#x}");
    }
}

#[test]
fn a_long_form_length_deep_inside_is_seen_and_rewritten() {
    // SEQUENCE { SEQUENCE { INTEGER 5 with the length 0x81 0x01 } }
    let ber = [0x30, 0x06, 0x30, 0x04, 0x02, 0x81, 0x01, 0x05];
    let (tlv, _) = read(&ber, 0).unwrap();
    assert!(!is_minimal(&tlv, 0));
    assert_eq!(*minimal(&tlv), [0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x05]);
    // A constructed element whose content is not DER is kept as it is, like a primitive.
    let opaque = [0x30, 0x02, 0xFF, 0xFF];
    assert!(matches!(
        minimal(&read(&opaque, 0).unwrap().0),
        Cow::Borrowed(_)
    ));
}

#[test]
fn trailing_bytes_are_reported_where_they_start() {
    let fault = check_structure(&[0x05, 0x00, 0xFF]).unwrap_err();
    assert_eq!(fault.offset, 2);
}
