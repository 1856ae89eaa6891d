//! Number words and units: the vocabulary of figures.

/// ASCII-lower-cases a short word into a stack buffer (no allocation);
/// `None` for words that cannot be number words or units.
fn lower<'a>(w: &str, buf: &'a mut [u8; 16]) -> Option<&'a str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let b = &mut buf[..w.len()];
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

pub fn small_number(w: &str) -> Option<f64> {
    const ONES: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let mut buf = [0u8; 16];
    let l = lower(w, &mut buf)?;
    if let Some(i) = ONES.iter().position(|&x| x == l) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|&x| x == l)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

pub fn scale(w: &str) -> Option<f64> {
    let mut buf = [0u8; 16];
    Some(match lower(w, &mut buf)? {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "millions" => 1e6,
        "billion" | "billions" | "bn" => 1e9,
        "trillion" => 1e12,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// Scale words that only follow digits ("2.1bn", "5m").
pub fn digit_scale(w: &str) -> Option<f64> {
    match w {
        "m" => Some(1e6),
        "k" => Some(1e3),
        "b" => Some(1e9),
        _ => None,
    }
}

pub fn ordinal_word(w: &str) -> Option<f64> {
    const ORD: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    const TENS: &[&str] = &[
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    let mut buf = [0u8; 16];
    let l = lower(w, &mut buf)?;
    if let Some(i) = ORD.iter().position(|&x| x == l) {
        return Some(i as f64 + 1.0);
    }
    if let Some(i) = TENS.iter().position(|&x| x == l) {
        return Some((i as f64 + 3.0) * 10.0);
    }
    match l {
        "hundredth" => Some(100.0),
        "thousandth" => Some(1000.0),
        _ => None,
    }
}

/// Denominator words after a hyphen or a number ("one-tenth", "two thirds").
pub fn fraction(w: &str) -> Option<f64> {
    let mut buf = [0u8; 16];
    Some(match lower(w, &mut buf)? {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "eighth" | "eighths" => 8.0,
        "tenth" | "tenths" => 10.0,
        "hundredth" | "hundredths" => 100.0,
        _ => return None,
    })
}

/// Month number of a month name ("March", "Sept").
pub fn month(w: &str) -> Option<u32> {
    const M: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if let Some(i) = M.iter().position(|&x| x == w) {
        return Some(i as u32 + 1);
    }
    const A: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    if w == "Sept" {
        return Some(9);
    }
    A.iter().position(|&x| x == w).map(|i| i as u32 + 1)
}

pub fn weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// Time units, normalized ("days" -> "day").
pub fn time_unit(w: &str) -> Option<&'static str> {
    let mut buf = [0u8; 16];
    Some(match lower(w, &mut buf)? {
        "second" | "seconds" | "sec" | "secs" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" | "wk" | "wks" => "week",
        "month" | "months" => "month",
        "year" | "years" | "yr" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    })
}

/// A unit of measure as the text states it, and its metric equivalent for
/// the units that are not metric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    /// Normalized symbol of the stated unit: "ft", "km", "kn", "t".
    pub symbol: &'static str,
    /// For non-metric units: (factor, metric symbol), `value * factor` in
    /// the metric unit ("ft" -> (0.3048, "m")). Temperatures in °F are
    /// converted by `to_metric`.
    pub metric: Option<(f64, &'static str)>,
}

const fn metric(symbol: &'static str) -> Unit {
    Unit {
        symbol,
        metric: None,
    }
}

const fn imperial(symbol: &'static str, factor: f64, to: &'static str) -> Unit {
    Unit {
        symbol,
        metric: Some((factor, to)),
    }
}

/// The unit table: the words and abbreviations of each unit, spelled out
/// or glued to the number ("36,000ft", "1,000km", "353knts").
pub fn measure_unit(w: &str) -> Option<Unit> {
    Some(match w {
        "km" | "kms" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => metric("km"),
        "m" | "meters" | "metres" | "meter" | "metre" => metric("m"),
        "cm" | "centimeters" | "centimetres" | "centimeter" | "centimetre" => metric("cm"),
        "mm" | "millimeters" | "millimetres" | "millimeter" | "millimetre" => metric("mm"),
        "miles" | "mile" | "mi" => imperial("mi", 1.609_344, "km"),
        "nmi" | "nautical" => imperial("nmi", 1.852, "km"),
        "feet" | "foot" | "ft" => imperial("ft", 0.3048, "m"),
        "yards" | "yard" | "yd" | "yds" => imperial("yd", 0.9144, "m"),
        "inches" | "inch" => imperial("in", 2.54, "cm"),
        "kg" | "kgs" | "kilograms" | "kilogram" | "kilos" | "kilo" => metric("kg"),
        "g" | "grams" | "gram" => metric("g"),
        "mg" | "milligrams" | "milligram" => metric("mg"),
        "tonnes" | "tonne" | "t" | "mt" => metric("t"),
        "tons" | "ton" => imperial("ton", 0.907_185, "t"),
        "lb" | "lbs" | "pounds" => imperial("lb", 0.453_592, "kg"),
        "oz" | "ounces" | "ounce" => imperial("oz", 28.349_5, "g"),
        "litres" | "liters" | "litre" | "liter" | "l" => metric("l"),
        "ml" | "millilitres" | "milliliters" => metric("ml"),
        "gallons" | "gallon" | "gal" => imperial("gal", 3.785_41, "l"),
        "tsp" | "teaspoons" | "teaspoon" => imperial("tsp", 4.928_92, "ml"),
        "tbsp" | "tablespoons" | "tablespoon" => imperial("tbsp", 14.786_8, "ml"),
        "cups" | "cup" => imperial("cup", 236.588, "ml"),
        "barrels" | "barrel" | "bbl" => metric("bbl"),
        "acres" | "acre" => imperial("acre", 0.404_686, "ha"),
        "hectares" | "hectare" | "ha" => metric("ha"),
        "degrees" | "degree" => metric("°"),
        "°C" => metric("°C"),
        "°F" => imperial("°F", 1.0, "°C"),
        "MW" | "megawatts" | "megawatt" => metric("MW"),
        "GW" | "gigawatts" | "gigawatt" => metric("GW"),
        "kW" | "kilowatts" | "kilowatt" => metric("kW"),
        "kWh" => metric("kWh"),
        "MWh" => metric("MWh"),
        "GWh" => metric("GWh"),
        "mph" => imperial("mph", 1.609_344, "km/h"),
        "kph" | "kmh" => metric("km/h"),
        "m/s" => metric("m/s"),
        "knots" | "knot" | "kn" | "kt" | "kts" | "knts" => imperial("kn", 1.852, "km/h"),
        "GB" | "gigabytes" => metric("GB"),
        "MB" | "megabytes" => metric("MB"),
        "TB" | "terabytes" => metric("TB"),
        _ => return None,
    })
}

/// "square" + a length unit: the area unit.
pub fn square(u: Unit) -> Option<Unit> {
    Some(match u.symbol {
        "km" => metric("km²"),
        "m" => metric("m²"),
        "mi" => imperial("mi²", 2.589_988, "km²"),
        "ft" => imperial("ft²", 0.092_903, "m²"),
        _ => return None,
    })
}

/// `value` in `unit` converted to the metric unit, for units that are not
/// metric.
pub fn to_metric(value: f64, unit: &str) -> Option<(f64, &'static str)> {
    if unit == "°F" {
        return Some(((value - 32.0) * 5.0 / 9.0, "°C"));
    }
    let u = match unit.strip_suffix('²') {
        Some(length) => square(measure_unit(length)?)?,
        None => measure_unit(unit)?,
    };
    let (factor, to) = u.metric?;
    Some((value * factor, to))
}

/// A parsed value without the noise of binary floating point: the nearest
/// double to the value rounded to 12 significant digits, so that 0.9% is
/// 0.009 (not 0.009000000000000001) and 2.1 billion is 2100000000.
pub fn tidy(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

/// Currency names and symbols -> ISO code.
pub fn currency(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "dollars" | "dollar" | "USD" => "USD",
        "€" | "euros" | "euro" | "EUR" => "EUR",
        "£" | "GBP" | "sterling" => "GBP",
        "¥" | "yen" | "JPY" => "JPY",
        "yuan" | "renminbi" | "CNY" | "RMB" => "CNY",
        "rupees" | "rupee" | "INR" | "₹" => "INR",
        "roubles" | "rubles" | "ruble" | "rouble" | "RUB" | "₽" => "RUB",
        "francs" | "CHF" => "CHF",
        "won" | "KRW" | "₩" => "KRW",
        "kronor" | "krona" | "SEK" => "SEK",
        "kroner" | "krone" | "NOK" => "NOK",
        "DKK" => "DKK",
        _ => return None,
    })
}

/// Prefixes of "$" naming the dollar ("AU$", "US$", "HK$").
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" => "USD",
        "AU" | "A" => "AUD",
        "C" | "CA" => "CAD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" | "SG" => "SGD",
        "NT" => "TWD",
        "R" => "BRL",
        _ => return None,
    })
}

// Words around numbers that tell a count, an identifier or a year apart.

/// Words that are not the noun a number counts, nor a modifier before it.
#[rustfmt::skip]
pub const NOT_COUNTED: &[&str] = &[
    "a", "about", "after", "again", "against", "ago", "all", "also", "an", "and", "another",
    "are", "as", "at", "be", "been", "before", "between", "but", "by", "can", "could", "during",
    "each", "earlier", "even", "every", "for", "from", "had", "has", "have", "her", "his", "if",
    "in", "into", "is", "its", "just", "later", "less", "may", "might", "more", "most", "must",
    "my", "nor", "not", "of", "off", "on", "only", "or", "other", "our", "out", "over", "per",
    "plus", "should", "since", "so", "still", "such", "than", "that", "the", "their", "these",
    "this", "those", "through", "thus", "to", "under", "until", "up", "was", "were", "when",
    "where", "which", "while", "who", "will", "with", "would", "your", "always", "perhaps",
    "towards", "afterwards", "sometimes", "besides", "whereas", "unless", "does", "goes",
    "says", "seems", "means", "makes", "takes", "gives", "remains", "becomes", "includes",
    "comes", "lies", "dies", "stands", "times", "percent", "cent",
];

/// Plural nouns not ending in "s".
#[rustfmt::skip]
pub const IRREGULAR_PLURALS: &[&str] = &[
    "people", "children", "men", "women", "police", "crew", "staff", "personnel", "cattle",
    "sheep", "aircraft", "spacecraft", "offspring", "livestock", "fish", "deer", "dead",
    "injured", "wounded", "homeless", "hostages",
];

/// Singular nouns a "one" counts ("one passenger").
#[rustfmt::skip]
pub const PERSON_NOUNS: &[&str] = &[
    "person", "man", "woman", "child", "boy", "girl", "passenger", "victim", "soldier",
    "officer", "resident", "student", "member", "citizen", "worker", "patient", "journalist",
    "survivor", "suspect", "player", "crew",
];

/// Nouns whose number names a thing ("flight 8501", "model 3", "No. 5"):
/// an identifier, not a figure.
#[rustfmt::skip]
pub const IDENTIFIER_NOUNS: &[&str] = &[
    "flight", "flights", "route", "number", "no", "nos", "model", "version", "chapter", "page",
    "pages", "verse", "line", "room", "gate", "platform", "item", "figure", "fig", "table",
    "section", "article", "episode", "season", "level", "phase", "stage", "exit", "highway",
    "interstate", "bus", "channel", "step", "rule", "grade", "type", "class", "act", "part",
    "volume", "vol", "issue", "unit", "ward", "district", "apartment", "suite", "block", "lot",
    "pier", "terminal", "runway", "bay", "track", "psalm", "amendment", "resolution", "bill",
    "appendix", "annex", "category", "division", "tier", "zone", "cell", "box", "code",
];

/// Capitalized words that begin a sentence before a number ("Nearly 50").
#[rustfmt::skip]
pub const SENTENCE_STARTS: &[&str] = &[
    "nearly", "almost", "around", "roughly", "approximately", "some", "least", "exactly",
    "down", "fewer", "estimated", "officially", "among", "then", "now", "today", "yesterday",
    "yet", "maybe", "what", "how", "why", "see", "chapter",
];

/// Words before a four-digit number that make it a year ("in 1709").
#[rustfmt::skip]
pub const YEAR_WORDS: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "to", "of", "before", "after", "during",
    "around", "circa", "c", "early", "late", "mid", "year", "summer", "winter", "spring",
    "autumn", "fall", "and", "or", "between", "through", "the",
];

/// Street words after a number: an address, not a figure.
#[rustfmt::skip]
pub const STREET_WORDS: &[&str] = &[
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive",
    "dr", "way", "place", "pl", "court", "ct", "square", "sq", "highway", "hwy", "terrace",
];
