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
        "second" | "seconds" => "second",
        "minute" | "minutes" => "minute",
        "hour" | "hours" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    })
}

/// Units of measure: (unit, factor to the normalized unit).
pub fn measure_unit(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => ("km", 1.0),
        "m" | "meters" | "metres" | "meter" | "metre" => ("m", 1.0),
        "cm" | "centimeters" | "centimetres" => ("m", 0.01),
        "mm" | "millimeters" | "millimetres" => ("m", 0.001),
        "miles" | "mile" | "mi" => ("km", 1.609_344),
        "feet" | "foot" | "ft" => ("m", 0.3048),
        "inches" | "inch" => ("m", 0.0254),
        "kg" | "kilograms" | "kilogram" | "kilos" => ("kg", 1.0),
        "g" | "grams" | "gram" => ("kg", 0.001),
        "tonnes" | "tonne" | "tons" | "ton" | "t" => ("t", 1.0),
        "lb" | "lbs" | "pounds" => ("kg", 0.453_592),
        "litres" | "liters" | "litre" | "liter" | "l" => ("l", 1.0),
        "gallons" | "gallon" => ("l", 3.785_41),
        "barrels" | "barrel" => ("bbl", 1.0),
        "acres" | "acre" => ("ha", 0.404_686),
        "hectares" | "hectare" | "ha" => ("ha", 1.0),
        "degrees" | "degree" | "°C" | "°F" => ("deg", 1.0),
        "MW" | "megawatts" => ("W", 1e6),
        "GW" | "gigawatts" => ("W", 1e9),
        "kW" | "kilowatts" => ("W", 1e3),
        "kWh" => ("Wh", 1e3),
        "mph" => ("km/h", 1.609_344),
        "knots" => ("km/h", 1.852),
        "GB" | "gigabytes" => ("B", 1e9),
        "MB" | "megabytes" => ("B", 1e6),
        "TB" | "terabytes" => ("B", 1e12),
        _ => return None,
    })
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
