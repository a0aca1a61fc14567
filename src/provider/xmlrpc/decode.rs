//! Decoding `methodResponse` and `methodCall` documents.
//!
//! The document is first read into a small element tree with an explicit stack (so nesting is
//! checked against [`MAX_DEPTH`] before anything recurses), then interpreted.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use super::{DateTime, Error, Fault, MAX_DEPTH, Members, MethodCall, Value};

/// An element: its local name and its children.
#[derive(Debug, Default)]
struct Element {
    name: String,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn new(qname: &str) -> Self {
        // Ignore a namespace prefix: Apache's extension writes `<ex:nil/>`.
        let local = qname.rsplit(':').next().unwrap_or(qname);
        Self {
            name: local.to_owned(),
            children: Vec::new(),
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(Node::Text(last)) = self.children.last_mut() {
            last.push_str(text);
        } else {
            self.children.push(Node::Text(text.to_owned()));
        }
    }

    /// The concatenated text children.
    fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// The element children; non-whitespace text between elements is an error.
    fn elements(&self) -> Result<Vec<&Element>, Error> {
        let mut out = Vec::new();
        for node in &self.children {
            match node {
                Node::Element(e) => out.push(e),
                Node::Text(t) if t.trim().is_empty() => {}
                Node::Text(_) => {
                    return Err(structure(format!("unexpected text inside <{}>", self.name)));
                }
            }
        }
        Ok(out)
    }

    /// Whether the element has any element children (text ignored).
    fn has_elements(&self) -> bool {
        self.children.iter().any(|n| matches!(n, Node::Element(_)))
    }

    /// The only element child, which must be named `name`.
    fn only(&self, name: &str) -> Result<&Element, Error> {
        match self.elements()?.as_slice() {
            [one] if one.name == name => Ok(one),
            _ => Err(structure(format!(
                "<{}> must contain exactly one <{name}>",
                self.name
            ))),
        }
    }
}

fn structure(message: String) -> Error {
    Error::Structure(message)
}

fn xml_error(reader: &Reader<&[u8]>, message: impl ToString) -> Error {
    Error::Xml {
        position: reader.error_position(),
        message: message.to_string(),
    }
}

/// Reads a document into its root element.
fn parse_tree(xml: &str) -> Result<Element, Error> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let event = reader.read_event().map_err(|e| xml_error(&reader, e))?;
        match event {
            Event::Start(start) | Event::Empty(start) if root.is_some() && stack.is_empty() => {
                let _ = start;
                return Err(structure("more than one root element".into()));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Error::TooDeep { limit: MAX_DEPTH });
                }
                stack.push(Element::new(start.name().into_inner()));
            }
            Event::Empty(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Error::TooDeep { limit: MAX_DEPTH });
                }
                let element = Element::new(start.name().into_inner());
                attach(&mut stack, &mut root, element);
            }
            Event::End(_) => {
                // quick-xml checks that end names match their start (check_end_names).
                let element = stack
                    .pop()
                    .ok_or_else(|| xml_error(&reader, "end tag without a start tag"))?;
                attach(&mut stack, &mut root, element);
            }
            Event::Text(text) => add_text(&mut stack, &text.xml10_content())?,
            Event::CData(data) => add_text(&mut stack, &data.xml10_content())?,
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => resolve_predefined_entity(&reference)
                        .ok_or_else(|| structure("unknown entity reference".into()))?
                        .to_owned(),
                    Err(e) => return Err(xml_error(&reader, e)),
                };
                add_text(&mut stack, &resolved)?;
            }
            Event::DocType(_) => {
                // XML-RPC has no use for a DTD; refusing it closes off entity expansion tricks.
                return Err(structure("a DOCTYPE is not allowed".into()));
            }
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(Error::Xml {
            position: reader.buffer_position(),
            message: format!("<{}> is not closed", open.name),
        });
    }
    root.ok_or_else(|| structure("the document is empty".into()))
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, element: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(element)),
        None => *root = Some(element),
    }
}

fn add_text(stack: &mut [Element], text: &str) -> Result<(), Error> {
    match stack.last_mut() {
        Some(parent) => parent.push_text(text),
        None if text.trim().is_empty() => {}
        None => return Err(structure("text outside the root element".into())),
    }
    Ok(())
}

/// Decodes a `<methodResponse>`: its one parameter, or the fault as [`Error::Fault`].
pub fn decode_response(xml: &str) -> Result<Value, Error> {
    let root = parse_tree(xml)?;
    if root.name != "methodResponse" {
        return Err(structure(format!(
            "expected <methodResponse>, found <{}>",
            root.name
        )));
    }
    let elements = root.elements()?;
    let [body] = elements.as_slice() else {
        return Err(structure(
            "<methodResponse> must contain <params> or <fault>".into(),
        ));
    };
    match body.name.as_str() {
        "params" => value(body.only("param")?.only("value")?, 0),
        "fault" => Err(Error::Fault(fault(&value(body.only("value")?, 0)?)?)),
        other => Err(structure(format!(
            "unexpected <{other}> in <methodResponse>"
        ))),
    }
}

fn fault(v: &Value) -> Result<Fault, Error> {
    let code = v.get("faultCode").and_then(Value::as_i32);
    let string = v.get("faultString").and_then(Value::as_str);
    match (code, string) {
        (Some(code), Some(string)) => Ok(Fault {
            code,
            string: string.to_owned(),
        }),
        _ => Err(structure(
            "a fault must be a struct with an int faultCode and a string faultString".into(),
        )),
    }
}

/// Decodes a `<methodCall>` (the server uses it to recognise a forwarded call).
pub fn decode_call(xml: &str) -> Result<MethodCall, Error> {
    let root = parse_tree(xml)?;
    if root.name != "methodCall" {
        return Err(structure(format!(
            "expected <methodCall>, found <{}>",
            root.name
        )));
    }
    let mut method = None;
    let mut params = Vec::new();
    for element in root.elements()? {
        match element.name.as_str() {
            "methodName" if method.is_none() => method = Some(element.text().trim().to_owned()),
            "params" if params.is_empty() => {
                for param in element.elements()? {
                    if param.name != "param" {
                        return Err(structure(format!(
                            "unexpected <{}> in <params>",
                            param.name
                        )));
                    }
                    params.push(value(param.only("value")?, 0)?);
                }
            }
            other => return Err(structure(format!("unexpected <{other}> in <methodCall>"))),
        }
    }
    let method = method
        .filter(|m| !m.is_empty())
        .ok_or_else(|| structure("<methodCall> has no <methodName>".into()))?;
    Ok(MethodCall { method, params })
}

fn invalid(kind: &'static str, literal: &str) -> Error {
    Error::InvalidScalar {
        kind,
        literal: literal.chars().take(40).collect(),
    }
}

/// Interprets a `<value>` element. `depth` counts values, bounded because the tree is.
fn value(element: &Element, depth: usize) -> Result<Value, Error> {
    if !element.has_elements() {
        // The spec: "If no type is indicated, the type is string."
        return Ok(Value::String(element.text()));
    }
    let elements = element.elements()?;
    let typed = match elements.as_slice() {
        [one] => *one,
        _ => return Err(structure("<value> must contain one type element".into())),
    };
    let text = typed.text();
    let scalar = || -> Result<(), Error> {
        if !typed.has_elements() {
            Ok(())
        } else {
            Err(structure(format!(
                "<{}> must not contain elements",
                typed.name
            )))
        }
    };
    Ok(match typed.name.as_str() {
        "int" | "i4" => {
            scalar()?;
            Value::Int(parse_int(text.trim()).ok_or_else(|| invalid("int", &text))?)
        }
        "boolean" => {
            scalar()?;
            Value::Boolean(match text.trim() {
                "1" | "true" => true,
                "0" | "false" => false,
                _ => return Err(invalid("boolean", &text)),
            })
        }
        "string" => {
            scalar()?;
            Value::String(text)
        }
        "double" => {
            scalar()?;
            Value::Double(parse_double(text.trim()).ok_or_else(|| invalid("double", &text))?)
        }
        "dateTime.iso8601" => {
            scalar()?;
            Value::DateTime(text.parse::<DateTime>()?)
        }
        "base64" => {
            scalar()?;
            let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            Value::Base64(
                STANDARD
                    .decode(compact)
                    .map_err(|_| invalid("base64", ""))?,
            )
        }
        "nil" => {
            scalar()?;
            Value::Nil
        }
        "struct" => Value::Struct(members(typed, depth)?),
        "array" => {
            let data = typed.only("data")?;
            let mut items = Vec::new();
            for item in data.elements()? {
                if item.name != "value" {
                    return Err(structure(format!("unexpected <{}> in <data>", item.name)));
                }
                items.push(value(item, depth + 1)?);
            }
            Value::Array(items)
        }
        other => return Err(structure(format!("unknown value type <{other}>"))),
    })
}

fn members(element: &Element, depth: usize) -> Result<Members, Error> {
    let mut out = Members::new();
    for member in element.elements()? {
        if member.name != "member" {
            return Err(structure(format!(
                "unexpected <{}> in <struct>",
                member.name
            )));
        }
        let mut name = None;
        let mut val = None;
        for part in member.elements()? {
            match part.name.as_str() {
                "name" if name.is_none() => name = Some(part.text()),
                "value" if val.is_none() => val = Some(value(part, depth + 1)?),
                other => return Err(structure(format!("unexpected <{other}> in <member>"))),
            }
        }
        match (name, val) {
            (Some(name), Some(val)) => {
                out.insert(name, val);
            }
            _ => {
                return Err(structure("a <member> needs a <name> and a <value>".into()));
            }
        }
    }
    Ok(out)
}

/// `int`: an optional sign and decimal digits, 32 bits.
fn parse_int(s: &str) -> Option<i32> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `double`: sign, digits and a decimal point (exponents accepted, as most servers send
/// them); no infinities or NaN, which the spec excludes.
fn parse_double(s: &str) -> Option<f64> {
    let ok = !s.is_empty()
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    if !ok {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}
