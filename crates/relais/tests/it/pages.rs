//! Pages over HTTP: CSRF, errors tied to fields, languages.
