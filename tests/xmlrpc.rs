//! The XML-RPC codec: every value type round trips, faults are typed, malformed input is a
//! clear error and never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use certorder::provider::xmlrpc::{
    self, DateTime, Error, Fault, MAX_DEPTH, MethodCall, Value, decode_call, decode_response,
    encode_fault, encode_response,
};

fn response(value_xml: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><methodResponse><params><param><value>{value_xml}</value></param></params></methodResponse>"
    )
}

fn decode_value(value_xml: &str) -> Result<Value, Error> {
    decode_response(&response(value_xml))
}

fn datetime() -> DateTime {
    "19980717T14:08:55".parse().unwrap()
}

fn every_type() -> Value {
    Value::structure([
        ("int", Value::Int(-42)),
        ("max", Value::Int(i32::MAX)),
        ("true", Value::Boolean(true)),
        ("false", Value::Boolean(false)),
        ("string", Value::from("a <b> & 'c' \"d\"\n\ttabs\r\n")),
        ("empty", Value::from("")),
        ("unicode", Value::from("café ☕ 𝄞")),
        ("double", Value::Double(-12.214)),
        ("whole", Value::Double(3.0)),
        ("date", Value::DateTime(datetime())),
        ("bytes", Value::Base64(vec![0, 1, 2, 254, 255, b'x'])),
        ("nil", Value::Nil),
        (
            "array",
            Value::Array(vec![
                Value::Int(1),
                Value::from("two"),
                Value::Array(vec![]),
            ]),
        ),
        (
            "nested",
            Value::structure([("inner", Value::structure::<[(&str, Value); 0], &str>([]))]),
        ),
    ])
}

// Guards: encode → decode is the identity for every value type, in responses and in calls.
#[test]
fn every_value_type_round_trips_through_a_response() {
    let value = every_type();
    assert_eq!(decode_response(&encode_response(&value)).unwrap(), value);
}

#[test]
fn every_value_type_round_trips_through_a_call() {
    let call = MethodCall::new(
        "cert.list",
        vec![Value::from("key"), every_type(), Value::Nil],
    );
    let xml = call.to_xml();
    assert!(xml.contains("<methodName>cert.list</methodName>"));
    assert_eq!(decode_call(&xml).unwrap(), call);
}

// Guards: a call with no params still has the <params> element and decodes to none.
#[test]
fn a_call_without_params_round_trips() {
    let call = MethodCall::new("version.info", vec![]);
    assert_eq!(decode_call(&call.to_xml()).unwrap(), call);
    let bare = "<methodCall><methodName>a.b</methodName></methodCall>";
    assert_eq!(decode_call(bare).unwrap(), MethodCall::new("a.b", vec![]));
}

// Guards: the encoder writes the spec's literal forms.
#[test]
fn encoder_writes_the_specs_forms() {
    let xml = encode_response(&Value::Array(vec![
        Value::Boolean(true),
        Value::Double(1.0),
        Value::DateTime(datetime()),
        Value::Base64(b"you can't read this!".to_vec()),
        Value::from("a<b&c\r"),
    ]));
    assert!(xml.contains("<boolean>1</boolean>"));
    assert!(xml.contains("<double>1.0</double>"));
    assert!(xml.contains("<dateTime.iso8601>19980717T14:08:55</dateTime.iso8601>"));
    // The spec's own base64 example.
    assert!(xml.contains("<base64>eW91IGNhbid0IHJlYWQgdGhpcyE=</base64>"));
    assert!(xml.contains("<string>a&lt;b&amp;c&#13;</string>"));
}

// Guards: the spec's untyped value and <i4> alias, whitespace and entity handling.
#[test]
fn untyped_values_i4_entities_and_cdata_decode() {
    assert_eq!(
        decode_value("plain text").unwrap(),
        Value::from("plain text")
    );
    assert_eq!(
        decode_value("  spaced  ").unwrap(),
        Value::from("  spaced  ")
    );
    assert_eq!(decode_value("").unwrap(), Value::from(""));
    assert_eq!(decode_value("<string/>").unwrap(), Value::from(""));
    assert_eq!(decode_value("<i4>-7</i4>").unwrap(), Value::Int(-7));
    assert_eq!(decode_value("<int> +12 </int>").unwrap(), Value::Int(12));
    assert_eq!(
        decode_value("<string>&lt;a&gt; &amp; &#x263A; &#65;</string>").unwrap(),
        Value::from("<a> & ☺ A")
    );
    assert_eq!(
        decode_value("<string><![CDATA[<raw> & stuff]]></string>").unwrap(),
        Value::from("<raw> & stuff")
    );
    assert_eq!(
        decode_value("<boolean>0</boolean>").unwrap(),
        Value::Boolean(false)
    );
    assert_eq!(
        decode_value("<double>-0.5e1</double>").unwrap(),
        Value::Double(-5.0)
    );
    assert_eq!(decode_value("<ex:nil/>").unwrap(), Value::Nil);
    assert_eq!(
        decode_value("<base64>\n eW91IGNhbid0\n IHJlYWQgdGhpcyE=\n</base64>").unwrap(),
        Value::Base64(b"you can't read this!".to_vec())
    );
}

// Guards: the dateTime forms servers send, and the ISO form the neutral model uses.
#[test]
fn datetime_forms_parse() {
    let compact: DateTime = "20240131T23:59:60".parse().unwrap();
    assert_eq!(compact.to_iso8601(), "2024-01-31T23:59:60");
    let extended: DateTime = "2024-01-31T08:00:00+01:00".parse().unwrap();
    assert_eq!(extended.suffix, "+01:00");
    assert_eq!(extended.to_string(), "20240131T08:00:00+01:00");
    let basic: DateTime = "20240131T080000Z".parse().unwrap();
    assert_eq!(basic.hour, 8);
    for bad in [
        "",
        "2024",
        "20241301T00:00:00",
        "20240101T24:00:00",
        "2024-01-01",
        "x0240101T00:00:00",
        "20240101T00:00:00 junk",
    ] {
        assert!(
            bad.parse::<DateTime>().is_err(),
            "{bad:?} should be refused"
        );
    }
}

// Guards: a fault is a typed error with code and string, in both directions.
#[test]
fn faults_decode_as_typed_errors() {
    let fault = Fault {
        code: 510042,
        string: "Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]".into(),
    };
    let xml = encode_fault(&fault);
    assert_eq!(decode_response(&xml), Err(Error::Fault(fault.clone())));
    assert_eq!(fault.to_string(), format!("fault 510042: {}", fault.string));

    // The spec's example fault, verbatim.
    let spec = "<?xml version=\"1.0\"?>\n<methodResponse>\n   <fault>\n      <value>\n         <struct>\n            <member>\n               <name>faultCode</name>\n               <value><int>4</int></value>\n               </member>\n            <member>\n               <name>faultString</name>\n               <value><string>Too many parameters.</string></value>\n               </member>\n            </struct>\n         </value>\n      </fault>\n   </methodResponse>\n";
    assert_eq!(
        decode_response(spec),
        Err(Error::Fault(Fault {
            code: 4,
            string: "Too many parameters.".into()
        }))
    );
}

// Guards: the spec's example call and response decode.
#[test]
fn spec_examples_decode() {
    let call = "<?xml version=\"1.0\"?>\n<methodCall>\n   <methodName>examples.getStateName</methodName>\n   <params>\n      <param>\n         <value><i4>41</i4></value>\n         </param>\n      </params>\n   </methodCall>\n";
    assert_eq!(
        decode_call(call).unwrap(),
        MethodCall::new("examples.getStateName", vec![Value::Int(41)])
    );
    let resp = "<?xml version=\"1.0\"?>\n<methodResponse>\n   <params>\n      <param>\n         <value><string>South Dakota</string></value>\n         </param>\n      </params>\n   </methodResponse>\n";
    assert_eq!(decode_response(resp).unwrap(), Value::from("South Dakota"));
}

#[rustfmt::skip]
const MALFORMED: &[(&str, &str)] = &[
    ("", "empty"),
    ("   ", "empty"),
    ("not xml", "root"),
    ("<methodResponse>", "not closed"),
    ("<methodResponse><params></methodResponse>", "malformed"),
    ("<methodResponse></methodResponse>", "params"),
    ("<methodCall/>", "methodResponse"),
    ("<methodResponse><params><param><value><int>1</int></value></param><param><value><int>2</int></value></param></params></methodResponse>", "exactly one"),
    ("<methodResponse><params><param><value><int>x</int></value></param></params></methodResponse>", "int"),
    ("<methodResponse><params><param><value><int>2147483648</int></value></param></params></methodResponse>", "int"),
    ("<methodResponse><params><param><value><boolean>2</boolean></value></param></params></methodResponse>", "boolean"),
    ("<methodResponse><params><param><value><double>inf</double></value></param></params></methodResponse>", "double"),
    ("<methodResponse><params><param><value><double>NaN</double></value></param></params></methodResponse>", "double"),
    ("<methodResponse><params><param><value><base64>***</base64></value></param></params></methodResponse>", "base64"),
    ("<methodResponse><params><param><value><dateTime.iso8601>yesterday</dateTime.iso8601></value></param></params></methodResponse>", "dateTime"),
    ("<methodResponse><params><param><value><float>1</float></value></param></params></methodResponse>", "unknown value type"),
    ("<methodResponse><params><param><value><struct><member><name>a</name></member></struct></value></param></params></methodResponse>", "member"),
    ("<methodResponse><params><param><value><array><value/></array></value></param></params></methodResponse>", "data"),
    ("<methodResponse><params><param><value><int>1</int>text</value></param></params></methodResponse>", "unexpected text"),
    ("<methodResponse><params><param><value><int>1</int><int>2</int></value></param></params></methodResponse>", "one type"),
    ("<methodResponse><fault><value><struct></struct></value></fault></methodResponse>", "faultCode"),
    ("<!DOCTYPE x [<!ENTITY a \"b\">]><methodResponse/>", "DOCTYPE"),
    ("<methodResponse><params><param><value><string>&custom;</string></value></param></params></methodResponse>", "entity"),
    ("<methodResponse/><methodResponse/>", "root"),
    ("<a></b>", "malformed"),
];

// Guards: every malformed document is a specific error, never a panic.
#[test]
fn malformed_documents_are_errors() {
    for (xml, expect) in MALFORMED {
        let err = decode_response(xml).expect_err(xml);
        let message = err.to_string();
        assert!(
            message.contains(expect),
            "{xml:?}: {message:?} should mention {expect:?}"
        );
    }
}

#[test]
fn malformed_calls_are_errors() {
    for xml in [
        "<methodCall></methodCall>",
        "<methodCall><methodName> </methodName></methodCall>",
        "<methodCall><methodName>a</methodName><params><value/></params></methodCall>",
        "<methodCall><methodName>a</methodName><other/></methodCall>",
        "<methodResponse/>",
    ] {
        assert!(decode_call(xml).is_err(), "{xml}");
    }
}

// Guards: nesting deeper than MAX_DEPTH is refused before anything recurses.
#[test]
fn deep_nesting_is_refused() {
    let depth = MAX_DEPTH * 10;
    let xml = format!(
        "<methodResponse><params><param><value>{}1{}</value></param></params></methodResponse>",
        "<array><data><value>".repeat(depth),
        "</value></data></array>".repeat(depth)
    );
    assert_eq!(
        decode_response(&xml),
        Err(Error::TooDeep { limit: MAX_DEPTH })
    );

    // Twenty levels of arrays are fine.
    let mut value = Value::Int(1);
    for _ in 0..20 {
        value = Value::Array(vec![value]);
    }
    assert_eq!(decode_response(&encode_response(&value)).unwrap(), value);
}

// Guards: errors never quote a string value (an API key travels as one).
#[test]
fn errors_do_not_quote_string_values() {
    let xml = "<methodCall><methodName>a</methodName><params><param><value><string>SECRET-KEY</string><int>1</int></value></param></params></methodCall>";
    let err = decode_call(xml).unwrap_err();
    assert!(!err.to_string().contains("SECRET"), "{err}");
}

// Guards: the JSON bridge keeps every type's meaning.
#[test]
fn json_bridge_maps_every_type() {
    let json = every_type().to_json();
    assert_eq!(json["int"], -42);
    assert_eq!(json["date"], "1998-07-17T14:08:55");
    assert_eq!(json["bytes"], "AAEC/v94");
    assert!(json["nil"].is_null());
    let back = Value::from_json(
        &serde_json::json!({"a": 1, "b": 1.5, "c": [true, null], "d": 5_000_000_000_i64}),
    );
    assert_eq!(back.get("a"), Some(&Value::Int(1)));
    assert_eq!(back.get("b"), Some(&Value::Double(1.5)));
    assert_eq!(
        back.get("c"),
        Some(&Value::Array(vec![Value::Boolean(true), Value::Nil]))
    );
    assert_eq!(back.get("d"), Some(&Value::Double(5e9)));
}

// Guards: the crate constant matches the spec's content type.
#[test]
fn content_type_is_text_xml() {
    assert_eq!(xmlrpc::CONTENT_TYPE, "text/xml");
}
