//! Decoding a JSON value with exactly one JSON form for each shape, the form the JSON Schema
//! states.
//!
//! serde's derived types are lenient in ways the format is not: a struct also reads from a JSON
//! list of its fields in order (`"overall": [33, 39]`), and an enum also reads from a one-key
//! object (`"status": {"met": null}`). [`Strict`] is a `Deserializer` over a `serde_json::Value`
//! that gives a struct only a JSON object and an enum only a string, and hands every error over
//! as a [`DeError`] that keeps what was expected and what was found, so that no message has to be
//! taken apart again.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected, VariantAccess,
    Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};

use super::problem::Found;

/// What went wrong while decoding one value, as structured as serde lets it be.
#[derive(Debug)]
pub(super) enum DeError {
    /// `expected` is serde's name for what it expected (`u32`, `a sequence`) or ours (`an
    /// object`, `one of "met", "not_met", "unknown"`).
    WrongType {
        expected: String,
        found: Found,
    },
    Missing(&'static str),
    UnknownField(String),
    UnknownValue {
        found: String,
        allowed: &'static [&'static str],
    },
    Other(String),
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeError::WrongType { expected, found } => {
                let [_, found] = found.words();
                write!(f, "expected {expected}, found {found}")
            }
            DeError::Missing(field) => write!(f, "missing field `{field}`"),
            DeError::UnknownField(field) => write!(f, "unknown field `{field}`"),
            DeError::UnknownValue { found, .. } => write!(f, "unknown variant `{found}`"),
            DeError::Other(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::Other(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        DeError::WrongType {
            expected: exp.to_string(),
            found: Found::from_unexpected(unexp),
        }
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::invalid_type(unexp, exp)
    }

    fn invalid_length(_len: usize, exp: &dyn Expected) -> Self {
        DeError::WrongType {
            expected: exp.to_string(),
            found: Found::List,
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::UnknownValue {
            found: variant.to_string(),
            allowed: expected,
        }
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        DeError::UnknownField(field.to_string())
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::Missing(field)
    }
}

/// What a one-of-names value may be, as the message says it: `one of "met", "not_met"`.
fn one_of(variants: &[&str]) -> String {
    let names: Vec<String> = variants.iter().map(|v| format!("\"{v}\"")).collect();
    format!("one of {}", names.join(", "))
}

/// A JSON value, read strictly (see the module's documentation).
pub(super) struct Strict<'de>(pub(super) &'de Value);

impl<'de> Strict<'de> {
    fn wrong(&self, expected: impl Into<String>) -> DeError {
        DeError::WrongType {
            expected: expected.into(),
            found: Found::of(self.0),
        }
    }

    fn visit_object<V: Visitor<'de>>(
        map: &'de Map<String, Value>,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_map(Entries {
            iter: map.iter(),
            value: None,
        })
    }
}

impl<'de> de::Deserializer<'de> for Strict<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    v.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    v.visit_i64(i)
                } else {
                    v.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => v.visit_borrowed_str(s),
            Value::Array(items) => v.visit_seq(Items(items.iter())),
            Value::Object(map) => Self::visit_object(map, v),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    /// A struct reads from a JSON object only: never from a list of its fields in order.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Object(map) => Self::visit_object(map, v),
            _ => Err(self.wrong("an object")),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Object(map) => Self::visit_object(map, v),
            _ => Err(self.wrong("an object")),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Array(items) => v.visit_seq(Items(items.iter())),
            _ => Err(self.wrong("a sequence")),
        }
    }

    /// An enum reads from a string naming a unit variant only: never from a one-key object.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        match self.0 {
            Value::String(s) => v.visit_enum(UnitVariant(s)),
            _ => Err(self.wrong(one_of(variants))),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        v.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }
}

struct Items<'de>(std::slice::Iter<'de, Value>);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        self.0
            .next()
            .map(|item| seed.deserialize(Strict(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'de> {
    iter: serde_json::map::Iter<'de>,
    value: Option<&'de Value>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.iter.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(BorrowedStrDeserializer::new(key))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        match self.value.take() {
            Some(value) => seed.deserialize(Strict(value)),
            None => Err(DeError::Other(
                "a value was asked for before its key".into(),
            )),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An enum value named by a string: a unit variant, and nothing else.
struct UnitVariant<'de>(&'de str);

impl<'de> EnumAccess<'de> for UnitVariant<'de> {
    type Error = DeError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), DeError> {
        let variant = seed.deserialize(BorrowedStrDeserializer::<DeError>::new(self.0))?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"a variant with a value",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _v: V) -> Result<V::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"a tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _v: V,
    ) -> Result<V::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"a struct variant",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Count, Status, Text};
    use serde::Deserialize;
    use serde_json::json;

    fn read<T: for<'de> Deserialize<'de>>(v: &Value) -> Result<T, DeError> {
        T::deserialize(Strict(v))
    }

    #[test]
    fn a_struct_reads_from_an_object_only() {
        assert!(read::<Count>(&json!({"met": 33, "assigned": 39})).is_ok());
        // serde_json's own Value would read these as the fields in order.
        for v in [json!([33, 39]), json!(["vi", "en"])] {
            let e = read::<Count>(&v).map(|_| ()).expect_err("a list");
            assert_eq!(e.to_string(), "expected an object, found a list");
        }
        assert!(read::<Text>(&json!(["vi", "en"])).is_err());
    }

    #[test]
    fn an_enum_reads_from_a_string_only() {
        assert_eq!(read::<Status>(&json!("met")).ok(), Some(Status::Met));
        let e = read::<Status>(&json!({"met": null})).expect_err("one-key object");
        assert_eq!(
            e.to_string(),
            "expected one of \"met\", \"not_met\", \"unknown\", found an object"
        );
    }

    #[test]
    fn whole_numbers_written_as_floats_are_not_counts() {
        for text in ["33.0", "1E0", "-0", "4294967296", "-1"] {
            let v: Value = serde_json::from_str(text).expect("JSON");
            assert!(read::<u32>(&v).is_err(), "{text}");
        }
        assert_eq!(read::<u32>(&json!(33)).ok(), Some(33));
        assert_eq!(read::<Option<u32>>(&json!(null)).ok(), Some(None));
    }
}
