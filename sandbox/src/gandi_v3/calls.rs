//! One handler per method, parameters in the reference's order (the API key already
//! checked and removed).

use certorder::provider::xmlrpc::{Fault, Value};
use serde_json::{Map, Value as Json};
use time::OffsetDateTime;

use super::views;
use super::{GandiV3Sim, Operation, V3Cert, bad_parameter, not_found};
use crate::Context;
use crate::dcv::unique_value;
use crate::gandi_v5::catalog::{self, PACKAGES};
use crate::gandi_v5::rules::{Problems, dcv_entries, file_for_wildcard, names};
use crate::order::{Order, Phase, read_csr};

/// The `dcv_method` words of v3 (`auto` needs the domain's zone at Gandi, which the sandbox
/// does not host).
const METHODS: [&str; 4] = ["email", "dns", "file", "https"];

fn params_struct(params: &[Value], at: usize) -> Result<Map<String, Json>, Fault> {
    match params.get(at) {
        Some(v @ Value::Struct(_)) => match v.to_json() {
            Json::Object(o) => Ok(o),
            _ => Err(bad_parameter(
                "OBJECT_CERTIFICATE",
                "params must be a struct",
            )),
        },
        None => Ok(Map::new()),
        Some(_) => Err(bad_parameter(
            "OBJECT_CERTIFICATE",
            "params must be a struct",
        )),
    }
}

fn int_param(params: &[Value], at: usize, name: &str) -> Result<i32, Fault> {
    match params.get(at) {
        Some(Value::Int(n)) => Ok(*n),
        _ => Err(bad_parameter(
            "OBJECT_CERTIFICATE",
            &format!("{name} must be an int"),
        )),
    }
}

fn first(problems: &Problems) -> Result<(), Fault> {
    match problems.first() {
        Some((_, field, description)) => Err(bad_parameter(
            "OBJECT_CERTIFICATE",
            &format!("{field}: {description}"),
        )),
        None => Ok(()),
    }
}

fn method_of(o: &Map<String, Json>, default: &str) -> Result<String, Fault> {
    match o.get("dcv_method") {
        None | Some(Json::Null) => Ok(default.to_owned()),
        Some(Json::String(m)) if METHODS.contains(&m.as_str()) => Ok(m.clone()),
        Some(Json::String(m)) if m == "auto" => Err(bad_parameter(
            "OBJECT_CERTIFICATE",
            "dcv_method auto needs the domain's zone at Gandi",
        )),
        Some(_) => Err(bad_parameter(
            "OBJECT_CERTIFICATE",
            "dcv_method must be one of email, dns, file, https, auto",
        )),
    }
}

fn duration(o: &Map<String, Json>) -> Result<u32, Fault> {
    match o.get("duration") {
        None | Some(Json::Null) => Ok(1),
        // Certificate duration is limited to 2 years (docs/providers.md §1.5).
        Some(d) => d
            .as_u64()
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| (1..=2).contains(d))
            .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "duration must be 1 or 2")),
    }
}

impl GandiV3Sim {
    pub(super) fn call(
        &self,
        ctx: &Context,
        method: &str,
        params: &[Value],
    ) -> Result<Value, Fault> {
        match method {
            "cert.package.list" => Ok(Value::Array(
                PACKAGES
                    .iter()
                    .enumerate()
                    .map(|(i, p)| views::package(i, p))
                    .collect(),
            )),
            "cert.list" => Ok(Value::Array(
                self.state().0.iter().map(views::certificate).collect(),
            )),
            "cert.count" => Ok(Value::Int(
                i32::try_from(self.state().0.iter().count()).unwrap_or(i32::MAX),
            )),
            "cert.info" => {
                let id = int_param(params, 0, "cert")?;
                self.state()
                    .0
                    .find(|c| c.id == id)
                    .map(views::certificate)
                    .ok_or_else(|| not_found("OBJECT_CERTIFICATE"))
            }
            "cert.create" => self.create(&params_struct(params, 0)?),
            "cert.get_dcv_params" => self.get_dcv_params(&params_struct(params, 0)?),
            "cert.change_dcv" => {
                let op = int_param(params, 0, "operation")?;
                let word = params
                    .get(1)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                let mut o = Map::new();
                o.insert("dcv_method".into(), Json::String(word));
                let method = method_of(&o, "email")?;
                self.on_operation(op, |c| {
                    if c.order.phase != Phase::Pending {
                        return Err(bad_parameter(
                            "OBJECT_OPERATION",
                            "the operation is not waiting for DCV",
                        ));
                    }
                    let mut problems = Problems::new();
                    file_for_wildcard(&method, &c.order.names, &mut problems);
                    first(&problems)?;
                    c.order.dcv = dcv_entries(&c.order.names, &method);
                    c.dcv_method = method;
                    Ok(Value::Boolean(true))
                })
            }
            "cert.resend_dcv" => {
                let op = int_param(params, 0, "operation")?;
                self.on_operation(op, |c| {
                    // Resending only exists for e-mail DCV (docs/providers.md §1.5).
                    if c.order.phase != Phase::Pending || c.dcv_method != "email" {
                        return Err(bad_parameter(
                            "OBJECT_OPERATION",
                            "resend_dcv is only for pending e-mail validation",
                        ));
                    }
                    Ok(Value::Boolean(true))
                })
            }
            "cert.recheck_caa" => Ok(Value::Boolean(true)),
            "cert.renew" => {
                let id = int_param(params, 0, "cert")?;
                self.renew(id, &params_struct(params, 1)?)
            }
            "cert.update" => {
                let id = int_param(params, 0, "cert")?;
                self.update(id, &params_struct(params, 1)?)
            }
            "cert.delete" => {
                let id = int_param(params, 0, "cert")?;
                self.on_cert(id, |c, op| {
                    if c.order.phase != Phase::Issued {
                        return Err(bad_parameter(
                            "OBJECT_CERTIFICATE",
                            "only a valid certificate can be deleted",
                        ));
                    }
                    c.order.phase = Phase::Revoked;
                    Ok(op("certificate_delete"))
                })
            }
            "operation.info" => {
                let id = int_param(params, 0, "operation")?;
                let state = self.state();
                let cert = state
                    .0
                    .find(|c| c.operations.iter().any(|o| o.id == id))
                    .ok_or_else(|| not_found("OBJECT_OPERATION"))?;
                let op = cert
                    .operations
                    .iter()
                    .find(|o| o.id == id)
                    .ok_or_else(|| not_found("OBJECT_OPERATION"))?;
                let _ = ctx;
                Ok(views::operation(cert, op))
            }
            _ => Err(Fault {
                code: -32_601,
                string: format!("method not found: {method}"),
            }),
        }
    }

    fn on_operation(
        &self,
        op: i32,
        f: impl FnOnce(&mut V3Cert) -> Result<Value, Fault>,
    ) -> Result<Value, Fault> {
        let mut state = self.state();
        let cert = state
            .0
            .find_mut(|c| c.operations.iter().any(|o| o.id == op))
            .ok_or_else(|| not_found("OBJECT_OPERATION"))?;
        cert.updated = OffsetDateTime::now_utc();
        f(cert)
    }

    /// Runs `f` on certificate `id`; `f` gets a maker of a new operation of a kind, whose
    /// `CertificateOperationReturn` is what it returns.
    fn on_cert(
        &self,
        id: i32,
        f: impl FnOnce(
            &mut V3Cert,
            &mut dyn FnMut(&'static str) -> Operation,
        ) -> Result<Operation, Fault>,
    ) -> Result<Value, Fault> {
        let mut state = self.state();
        let (store, next) = &mut *state;
        let cert = store
            .find_mut(|c| c.id == id)
            .ok_or_else(|| not_found("OBJECT_CERTIFICATE"))?;
        let mut make = |kind| {
            *next += 1;
            Operation {
                id: *next,
                kind,
                created: OffsetDateTime::now_utc(),
            }
        };
        let op = f(cert, &mut make)?;
        cert.updated = OffsetDateTime::now_utc();
        cert.operations.push(op.clone());
        Ok(views::operation(cert, &op))
    }

    fn store_new(&self, order: Order, method: String) -> Value {
        let mut state = self.state();
        state.1 += 1;
        let op = Operation {
            id: state.1,
            kind: "certificate_create",
            created: OffsetDateTime::now_utc(),
        };
        let key = state.0.insert(|n| V3Cert {
            id: i32::try_from(n).unwrap_or(i32::MAX),
            order,
            dcv_method: method,
            operations: vec![op.clone()],
            updated: OffsetDateTime::now_utc(),
        });
        state
            .0
            .get(key)
            .map_or(Value::Nil, |c| views::operation(c, &op))
    }

    /// `cert.create(apikey, params)`.
    fn create(&self, o: &Map<String, Json>) -> Result<Value, Fault> {
        let package = o
            .get("package")
            .and_then(Json::as_str)
            .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "package is required"))?;
        let package = catalog::find(package)
            .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "unknown package"))?;
        let method = method_of(o, "email")?;
        let years = duration(o)?;
        let text = o
            .get("csr")
            .and_then(Json::as_str)
            .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "csr is required"))?;
        let csr = read_csr(text)
            .map_err(|e| bad_parameter("OBJECT_CERTIFICATE", &format!("csr: {e}")))?;
        let mut problems = Problems::new();
        let names = names(o, package, Some(&csr), &mut problems);
        file_for_wildcard(&method, &names, &mut problems);
        first(&problems)?;
        let order = Order::new(
            package.name,
            names.clone(),
            Some(csr),
            years * 12,
            unique_value(10),
            dcv_entries(&names, &method),
        );
        Ok(self.store_new(order, method))
    }

    /// `cert.get_dcv_params(apikey, params)`: with `cert_id`, the order's values and unique value.
    fn get_dcv_params(&self, o: &Map<String, Json>) -> Result<Value, Fault> {
        let id = o
            .get("cert_id")
            .and_then(Json::as_i64)
            .and_then(|i| i32::try_from(i).ok());
        if let Some(id) = id {
            let state = self.state();
            let c = state
                .0
                .find(|c| c.id == id)
                .ok_or_else(|| not_found("OBJECT_CERTIFICATE"))?;
            let method = method_of(o, &c.dcv_method)?;
            let csr = c
                .order
                .csr
                .as_ref()
                .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "no csr"))?;
            let approvers: Vec<(String, String)> = dcv_entries(&c.order.names, &method)
                .into_iter()
                .filter_map(|d| Some((d.name, d.email?)))
                .collect();
            return Ok(views::dcv_params(
                &c.order.product,
                &c.order.names,
                &method,
                csr,
                Some(&c.order.unique),
                &approvers,
            ));
        }
        let package = o
            .get("package")
            .and_then(Json::as_str)
            .and_then(catalog::find)
            .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "package is required"))?;
        let method = method_of(o, "email")?;
        let text = o
            .get("csr")
            .and_then(Json::as_str)
            .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "csr is required"))?;
        let csr = read_csr(text)
            .map_err(|e| bad_parameter("OBJECT_CERTIFICATE", &format!("csr: {e}")))?;
        let mut problems = Problems::new();
        let names = names(o, package, Some(&csr), &mut problems);
        first(&problems)?;
        let approvers: Vec<(String, String)> = dcv_entries(&names, &method)
            .into_iter()
            .filter_map(|d| Some((d.name, d.email?)))
            .collect();
        Ok(views::dcv_params(
            package.name,
            &names,
            &method,
            &csr,
            None,
            &approvers,
        ))
    }

    /// `cert.renew(apikey, cert, params)`: a new CSR is required; a new pending certificate.
    fn renew(&self, id: i32, o: &Map<String, Json>) -> Result<Value, Fault> {
        let old = self
            .state()
            .0
            .find(|c| c.id == id)
            .cloned()
            .ok_or_else(|| not_found("OBJECT_CERTIFICATE"))?;
        let text = o
            .get("csr")
            .and_then(Json::as_str)
            .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "csr is required to renew"))?;
        let csr = read_csr(text)
            .map_err(|e| bad_parameter("OBJECT_CERTIFICATE", &format!("csr: {e}")))?;
        let method = method_of(o, &old.dcv_method)?;
        let years = duration(o)?;
        let names = old.order.names.clone();
        let order = Order::new(
            &old.order.product,
            names.clone(),
            Some(csr),
            years * 12,
            unique_value(10),
            dcv_entries(&names, &method),
        );
        let Value::Struct(mut op) = self.store_new(order, method) else {
            return Err(bad_parameter("OBJECT_CERTIFICATE", "renewal failed"));
        };
        op.insert("type".into(), Value::from("certificate_renew"));
        Ok(Value::Struct(op))
    }

    /// `cert.update(apikey, cert, params)`: reissue a valid certificate with a new CSR.
    fn update(&self, id: i32, o: &Map<String, Json>) -> Result<Value, Fault> {
        let text = o
            .get("csr")
            .and_then(Json::as_str)
            .ok_or_else(|| bad_parameter("OBJECT_CERTIFICATE", "csr is required to update"))?;
        let csr = read_csr(text)
            .map_err(|e| bad_parameter("OBJECT_CERTIFICATE", &format!("csr: {e}")))?;
        self.on_cert(id, |c, op| {
            if c.order.phase != Phase::Issued {
                return Err(bad_parameter(
                    "OBJECT_CERTIFICATE",
                    "only a valid certificate can be updated",
                ));
            }
            let method = method_of(o, &c.dcv_method)?;
            c.order.csr = Some(csr);
            c.order.dcv = dcv_entries(&c.order.names, &method);
            c.order.unique = unique_value(10);
            c.order.phase = Phase::Pending;
            c.dcv_method = method;
            Ok(op("certificate_update"))
        })
    }
}
