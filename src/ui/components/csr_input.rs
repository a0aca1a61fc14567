//! Where the CSR comes in: a text area that takes a paste, a file picker and a drop zone.
//!
//! Whatever comes in first goes through [`csr::input::on_paste`] or
//! [`csr::input::on_upload`]: a private key is removed from the text area (and never kept in
//! the source) at once, and the component says so.

use crate::csr::{self, input::PasteAction};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What the user gave us: text they typed or pasted, or the bytes of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CsrSource {
    /// The text area's content.
    Text(String),
    /// A binary (DER) file; a text file's content goes into the text area instead.
    File {
        /// The file's name, to show.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
}

impl Default for CsrSource {
    fn default() -> Self {
        Self::Text(String::new())
    }
}

impl CsrSource {
    /// True before anything was given.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Self::Text(text) => text.trim().is_empty(),
            Self::File { bytes, .. } => bytes.is_empty(),
        }
    }

    /// The bytes to inspect.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Self::Text(text) => text.as_bytes(),
            Self::File { bytes, .. } => bytes,
        }
    }

    /// A file's bytes become text when they are UTF-8 (PEM), so the user sees what they gave.
    fn from_file(name: String, bytes: Vec<u8>) -> Self {
        match String::from_utf8(bytes) {
            Ok(text) => Self::Text(text),
            Err(not_text) => Self::File {
                name,
                bytes: not_text.into_bytes(),
            },
        }
    }
}

/// The text area, file picker and drop zone writing into `source`.
#[component]
pub(crate) fn CsrInput(
    /// Where the given CSR goes.
    source: RwSignal<CsrSource>,
) -> impl IntoView {
    let (dragging, set_dragging) = signal(false);
    // Once a key was removed the notice stays: what it says matters after the next paste too.
    let (key_removed, set_key_removed) = signal(false);
    // Applies the rule to what came in and returns what the source keeps.
    let admit = move |action: PasteAction, given: CsrSource| match action {
        PasteAction::RemoveKey { keep } => {
            set_key_removed.set(true);
            CsrSource::Text(keep)
        }
        PasteAction::Keep => given,
    };
    let text = move || match &*source.read() {
        CsrSource::Text(text) => text.clone(),
        CsrSource::File { .. } => String::new(),
    };
    let file_name = move || match &*source.read() {
        CsrSource::File { name, bytes } => Some(format!("{name} ({} bytes, DER)", bytes.len())),
        CsrSource::Text(_) => None,
    };
    let load = move |file: web_sys::File| {
        spawn_local(async move {
            if let Ok(buffer) = JsFuture::from(file.array_buffer()).await {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                let action = csr::input::on_upload(&bytes);
                source.set(admit(action, CsrSource::from_file(file.name(), bytes)));
            }
        });
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            load(file);
        }
    };
    let on_pick = move |ev: web_sys::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            load(file);
        }
    };

    view! {
        <div
            class="co-csr-input"
            class:co-csr-input--dragging=dragging
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                set_dragging.set(true);
            }
            on:dragleave=move |_| set_dragging.set(false)
            on:drop=on_drop
        >
            <label class="co-field__label" for="csr-text">"CSR (PEM)"</label>
            <textarea
                id="csr-text"
                data-testid="csr-text"
                class="co-csr-input__text"
                rows="12"
                spellcheck="false"
                autocomplete="off"
                aria-describedby="csr-hint"
                placeholder="-----BEGIN CERTIFICATE REQUEST-----"
                prop:value=text
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    let action = csr::input::on_paste(&value);
                    if let PasteAction::RemoveKey { keep } = &action {
                        // Out of the DOM now, not at the next render.
                        ev.target().set_value(keep);
                    }
                    source.set(admit(action, CsrSource::Text(value)));
                }
            ></textarea>
            {move || {
                key_removed
                    .get()
                    .then(|| {
                        view! {
                            <div
                                class="co-alert"
                                role="alert"
                                data-testid="key-removed"
                                data-kind="private_key_removed"
                            >
                                <h2 class="co-alert__title">"Private key removed"</h2>
                                <p>{csr::input::KEY_REMOVED}</p>
                            </div>
                        }
                    })
            }}
            <p id="csr-hint" class="co-field__hint">
                "Starts with -----BEGIN CERTIFICATE REQUEST-----. Never paste a private key."
            </p>
            <div class="co-csr-input__file">
                <label class="co-button co-button--secondary" for="csr-file">"Choose a file…"</label>
                <input
                    id="csr-file"
                    data-testid="csr-file"
                    class="co-visually-hidden"
                    type="file"
                    accept=".csr,.pem,.der,.req,.txt,application/pkcs10"
                    on:change=on_pick
                />
                <span class="co-field__hint">"or drop it here"</span>
                {move || file_name().map(|n| view! { <span class="co-csr-input__name">{n}</span> })}
            </div>
        </div>
    }
}
