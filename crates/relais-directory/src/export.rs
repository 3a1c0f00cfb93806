//! Export in the LMN schema v1.0.2: CSV (the schema's own form, a Frictionless table with
//! `|`-separated multi-values) and JSON (an array of objects with the same field names;
//! latitude/longitude as numbers). An export re-imports to the same places.

use crate::model::{Place, FIELDS};

pub fn to_csv(places: &[Place]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record(FIELDS).expect("in-memory write");
    for p in places {
        w.write_record(FIELDS.iter().map(|f| p.field(f).unwrap_or_default())).expect("in-memory write");
    }
    String::from_utf8(w.into_inner().expect("in-memory flush")).expect("fields are UTF-8")
}

pub fn to_json(places: &[Place]) -> serde_json::Value {
    serde_json::Value::Array(
        places
            .iter()
            .map(|p| {
                let mut obj = serde_json::Map::new();
                for f in FIELDS {
                    let v = match *f {
                        "latitude" => p.latitude.map(serde_json::Value::from),
                        "longitude" => p.longitude.map(serde_json::Value::from),
                        _ => p.field(f).map(serde_json::Value::from),
                    };
                    if let Some(v) = v {
                        obj.insert(f.to_string(), v);
                    }
                }
                serde_json::Value::Object(obj)
            })
            .collect(),
    )
}
