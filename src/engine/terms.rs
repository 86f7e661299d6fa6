//! The terms every request is made of: the growth reference, what was measured, and the sex.

/// A growth reference, named as rcpchgrowth names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reference {
    /// UK-WHO: UK90 preterm, WHO 2006 from 2 weeks to 4 years, UK90 to 20 years.
    UkWho,
    /// WHO 2006 (0–5 years) and WHO 2007 (5–19 years).
    Who,
    /// CDC 2000 with WHO 2006 under 2 years and the 2022 extended BMI method.
    Cdc,
    /// Turner syndrome (Lyon, Preece and Grant 1985): girls' height, 1–20 years.
    TurnersSyndrome,
    /// UK Down syndrome (Styles et al. 2002).
    Trisomy21,
    /// US Down syndrome (Zemel et al. 2015, AAP).
    Trisomy21Aap,
}

impl Reference {
    /// Every reference, in rcpchgrowth's order.
    pub const ALL: [Reference; 6] = [
        Reference::UkWho,
        Reference::Trisomy21,
        Reference::Trisomy21Aap,
        Reference::TurnersSyndrome,
        Reference::Cdc,
        Reference::Who,
    ];

    /// The dGC API's other names for references.
    pub const ALIASES: [(&'static str, Reference); 1] = [("turner", Reference::TurnersSyndrome)];

    /// Parses an rcpchgrowth name or a dGC API route name (see [`Reference::ALIASES`]).
    pub fn parse(name: &str) -> Option<Reference> {
        let alias = || Reference::ALIASES.iter().find(|(a, _)| *a == name);
        (Reference::ALL.into_iter().find(|r| r.name() == name)).or_else(|| alias().map(|&(_, r)| r))
    }

    /// The rcpchgrowth name, as reported in `provenance.growth_reference`.
    pub fn name(self) -> &'static str {
        match self {
            Reference::UkWho => "uk-who",
            Reference::Who => "who",
            Reference::Cdc => "cdc",
            Reference::TurnersSyndrome => "turners-syndrome",
            Reference::Trisomy21 => "trisomy-21",
            Reference::Trisomy21Aap => "trisomy-21-aap",
        }
    }
}

/// What was measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// Height or length, cm.
    Height,
    /// Weight, kg.
    Weight,
    /// Occipitofrontal (head) circumference, cm.
    Ofc,
    /// Body mass index, kg/m².
    Bmi,
}

impl Method {
    /// Every method, in table order.
    pub const ALL: [Method; 4] = [Method::Height, Method::Weight, Method::Ofc, Method::Bmi];

    /// Parses `height`, `weight`, `ofc` or `bmi`.
    pub fn parse(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The dGC name.
    pub fn name(self) -> &'static str {
        match self {
            Method::Height => "height",
            Method::Weight => "weight",
            Method::Ofc => "ofc",
            Method::Bmi => "bmi",
        }
    }

    /// The measurement as it reads in a sentence.
    pub fn noun(self) -> &'static str {
        match self {
            Method::Height => "height",
            Method::Weight => "weight",
            Method::Ofc => "head circumference",
            Method::Bmi => "body mass index",
        }
    }
}

/// Sex, as the references are split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Boys.
    Male,
    /// Girls.
    Female,
}

impl Sex {
    /// Both sexes, in table order.
    pub const ALL: [Sex; 2] = [Sex::Male, Sex::Female];

    /// Parses `male` or `female`.
    pub fn parse(name: &str) -> Option<Sex> {
        Sex::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The dGC name.
    pub fn name(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
}
