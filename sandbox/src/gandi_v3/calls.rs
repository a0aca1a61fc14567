//! One handler per method, parameters in the reference's order (the API key already
//! checked and removed): the dispatch and the certificate store here, the parameters in
//! `params`, the calls that place or change an order in `orders`.

mod orders;
mod params;

use certorder::provider::xmlrpc::{Fault, Value};
use serde_json::{Map, Value as Json};
use time::OffsetDateTime;

use super::views;
use super::{GandiV3Sim, Operation, V3Cert, bad_parameter, not_found};
use crate::Context;
use crate::gandi_v5::catalog::PACKAGES;
use crate::gandi_v5::rules::{Problems, dcv_entries, file_for_wildcard};
use crate::order::{Order, Phase};
use params::{fault, first, int_param, method_of, params_struct};

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
                        return Err(fault("only a valid certificate can be deleted"));
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
    pub(super) fn on_cert(
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

    pub(super) fn store_new(&self, order: Order, method: String) -> Value {
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
}
