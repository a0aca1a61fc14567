//! The calls that place or change an order: `cert.create`, `cert.get_dcv_params`,
//! `cert.renew` and `cert.update`.

use certorder::provider::xmlrpc::{Fault, Value};
use serde_json::{Map, Value as Json};

use super::super::{GandiV3Sim, not_found, views};
use super::params::{approvers, csr, duration, fault, first, method_of, package};
use crate::dcv::unique_value;
use crate::gandi_v5::rules::{Problems, dcv_entries, file_for_wildcard, names};
use crate::order::{Order, Phase};

impl GandiV3Sim {
    /// `cert.create(apikey, params)`.
    pub(super) fn create(&self, o: &Map<String, Json>) -> Result<Value, Fault> {
        let package = package(o)?;
        let method = method_of(o, "email")?;
        let years = duration(o)?;
        let csr = csr(o, "")?;
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
    pub(super) fn get_dcv_params(&self, o: &Map<String, Json>) -> Result<Value, Fault> {
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
            let csr = c.order.csr.as_ref().ok_or_else(|| fault("no csr"))?;
            return Ok(views::dcv_params(
                &c.order.product,
                &c.order.names,
                &method,
                csr,
                Some(&c.order.unique),
                &approvers(&c.order.names, &method),
            ));
        }
        let package = package(o).map_err(|_| fault("package is required"))?;
        let method = method_of(o, "email")?;
        let csr = csr(o, "")?;
        let mut problems = Problems::new();
        let names = names(o, package, Some(&csr), &mut problems);
        first(&problems)?;
        Ok(views::dcv_params(
            package.name,
            &names,
            &method,
            &csr,
            None,
            &approvers(&names, &method),
        ))
    }

    /// `cert.renew(apikey, cert, params)`: a new CSR is required; a new pending certificate.
    pub(super) fn renew(&self, id: i32, o: &Map<String, Json>) -> Result<Value, Fault> {
        let old = self
            .state()
            .0
            .find(|c| c.id == id)
            .cloned()
            .ok_or_else(|| not_found("OBJECT_CERTIFICATE"))?;
        let csr = csr(o, " to renew")?;
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
            return Err(fault("renewal failed"));
        };
        op.insert("type".into(), Value::from("certificate_renew"));
        Ok(Value::Struct(op))
    }

    /// `cert.update(apikey, cert, params)`: reissue a valid certificate with a new CSR.
    pub(super) fn update(&self, id: i32, o: &Map<String, Json>) -> Result<Value, Fault> {
        let csr = csr(o, " to update")?;
        self.on_cert(id, |c, op| {
            if c.order.phase != Phase::Issued {
                return Err(fault("only a valid certificate can be updated"));
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
