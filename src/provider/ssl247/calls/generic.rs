//! The generic lists (the SSL247 API v3 reference, "Get … list"): reference data for forms.
//! Their `Data` is documented only as `"string"`, so each is read as a [`GenericList`].

use super::get;
use crate::provider::OperationClass;
use crate::provider::flow::Prepared;
use crate::provider::ssl247::catalog::GenericList;

fn list(name: &'static str) -> Prepared<GenericList> {
    // The operation name is `POST <path>`, so the path is the name without its method.
    let path = name.trim_start_matches("POST ");
    get(name, path.to_owned(), OperationClass::Catalog)
}

/// `POST /generic/get-country-list`.
pub fn country_list() -> Prepared<GenericList> {
    list("POST /generic/get-country-list")
}

/// `POST /generic/get-us-state-list`.
pub fn us_state_list() -> Prepared<GenericList> {
    list("POST /generic/get-us-state-list")
}

/// `POST /generic/get-user-titles`: the words a user's or contact's `title` takes.
pub fn user_titles() -> Prepared<GenericList> {
    list("POST /generic/get-user-titles")
}

/// `POST /generic/get-internal-product-list`: "available product list on our platform".
pub fn internal_products() -> Prepared<GenericList> {
    list("POST /generic/get-internal-product-list")
}

/// `POST /generic/get-external-product-list`: products "available for external
/// certificates", for an import's `external_product`.
pub fn external_products() -> Prepared<GenericList> {
    list("POST /generic/get-external-product-list")
}

/// `POST /generic/get-websites-list`: "our available territories".
pub fn websites() -> Prepared<GenericList> {
    list("POST /generic/get-websites-list")
}
