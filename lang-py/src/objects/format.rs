//! Number formatting exactly as CPython does it: `repr(float)` (shortest
//! round-trip digits, exponent form below 1e-4 and from 1e16), the format
//! spec mini-language (`format`, `str.format`, f-strings) and `%` formatting.

use num_bigint::BigInt;

/// Digits and decimal exponent of the shortest round-trip representation:
/// `x = 0.d1d2d3... * 10^exp` with `digits = "d1d2d3..."`.
fn shortest(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-trip digits.
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0').to_string();
    let digits = if digits.is_empty() {
        "0".to_string()
    } else {
        digits
    };
    (digits, exp + 1)
}

/// `repr(x)` for a float.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, exp) = shortest(x);
    let sign = if x < 0.0 { "-" } else { "" };
    // CPython uses fixed notation when -4 <= exp10 < 16 (exp10 = exp - 1).
    let e10 = exp - 1;
    if (-4..16).contains(&e10) {
        let n = digits.len() as i32;
        let body = if exp <= 0 {
            format!("0.{}{}", "0".repeat((-exp) as usize), digits)
        } else if exp >= n {
            format!("{}{}.0", digits, "0".repeat((exp - n) as usize))
        } else {
            format!("{}.{}", &digits[..exp as usize], &digits[exp as usize..])
        };
        format!("{sign}{body}")
    } else {
        let mant = if digits.len() == 1 {
            digits.clone()
        } else {
            format!("{}.{}", &digits[..1], &digits[1..])
        };
        format!(
            "{sign}{mant}e{}{:02}",
            if e10 < 0 { '-' } else { '+' },
            e10.abs()
        )
    }
}

/// A parsed format spec.
#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(s: &str) -> Result<Spec, String> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        sp.width = c[st..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        sp.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err("Format specifier missing precision".into());
        }
        sp.precision = c[st..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(sp)
}

fn group(int_part: &str, sep: char, every: usize) -> String {
    let bytes: Vec<char> = int_part.chars().collect();
    let mut out = String::new();
    for (i, ch) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i) % every == 0 {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

/// Pads `body` (with `sign` separate for `=` alignment) to the spec's width.
fn pad(sp: &Spec, sign: &str, body: &str, default_right: bool) -> String {
    let width = sp.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return format!("{sign}{body}");
    }
    let n = width - len;
    let (fill, align) = if sp.zero && sp.align.is_none() {
        ('0', '=')
    } else {
        (
            sp.fill.unwrap_or(' '),
            sp.align.unwrap_or(if default_right { '>' } else { '<' }),
        )
    };
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
    }
}

pub fn format_str(s: &str, sp: &Spec) -> Result<String, String> {
    if let Some(t) = sp.ty {
        if t != 's' {
            return Err(format!(
                "Unknown format code '{}' for object of type 'str'",
                t
            ));
        }
    }
    if sp.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    let s: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(sp, "", &s, false))
}

fn sign_str(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_int(v: &BigInt, sp: &Spec) -> Result<String, String> {
    let ty = sp.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f: f64 = v.to_string().parse().unwrap_or(0.0);
        return format_float(f, sp);
    }
    if sp.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    let neg = v.sign() == num_bigint::Sign::Minus;
    let mag = if neg { -v.clone() } else { v.clone() };
    let (digits, prefix) = match ty {
        'd' | 'n' => (mag.to_str_radix(10), ""),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        'b' => (mag.to_str_radix(2), "0b"),
        'c' => {
            let c = u32::try_from(&mag)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('?');
            return Ok(pad(sp, "", &c.to_string(), false));
        }
        _ => {
            return Err(format!(
                "Unknown format code '{}' for object of type 'int'",
                ty
            ))
        }
    };
    let digits = match sp.grouping {
        Some(g) => group(&digits, g, if ty == 'd' || ty == 'n' { 3 } else { 4 }),
        None => digits,
    };
    let sign = format!("{}{}", sign_str(neg, sp), if sp.alt { prefix } else { "" });
    Ok(pad(sp, &sign, &digits, true))
}

/// `%e`-style mantissa/exponent with `p` digits after the point.
fn exp_form(x: f64, p: usize, upper: bool) -> String {
    let s = format!("{:.*e}", p, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!(
        "{}{}{}{:02}",
        m,
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

/// `%g`: precision p significant digits, trailing zeros removed unless alt.
fn general(x: f64, p: usize, upper: bool, alt: bool) -> String {
    let p = if p == 0 { 1 } else { p };
    if x == 0.0 {
        let mut s = if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
        if x.is_sign_negative() {
            s.insert(0, '-');
        }
        return s;
    }
    let e = {
        let s = format!("{:.*e}", p - 1, x);
        let (_, e) = s.split_once('e').unwrap_or(("", "0"));
        e.parse::<i32>().unwrap_or(0)
    };
    let mut s = if e < -4 || e >= p as i32 {
        exp_form(x, p - 1, upper)
    } else {
        format!("{:.*}", (p as i32 - 1 - e).max(0) as usize, x)
    };
    if !alt {
        if let Some(epos) = s.find(['e', 'E']) {
            let (m, ex) = s.split_at(epos);
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            s = format!("{m}{ex}");
        } else if s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
    }
    s
}

pub fn format_float(x: f64, sp: &Spec) -> Result<String, String> {
    let neg = x.is_sign_negative() && !(x.is_nan());
    let a = x.abs();
    let upper = matches!(sp.ty, Some('E' | 'F' | 'G'));
    let body = if a.is_nan() {
        if upper { "NAN" } else { "nan" }.to_string()
    } else if a.is_infinite() {
        if upper { "INF" } else { "inf" }.to_string()
    } else {
        match sp.ty {
            None => match sp.precision {
                None => {
                    let r = float_repr(a);
                    r
                }
                Some(p) => {
                    let g = general(a, p, false, sp.alt);
                    if g.contains(['.', 'e', 'n', 'i']) {
                        g
                    } else {
                        format!("{g}.0")
                    }
                }
            },
            Some('f' | 'F') => format!("{:.*}", sp.precision.unwrap_or(6), a),
            Some('e' | 'E') => exp_form(a, sp.precision.unwrap_or(6), upper),
            Some('g' | 'G') => general(a, sp.precision.unwrap_or(6), upper, sp.alt),
            Some('n') => general(a, sp.precision.unwrap_or(6), false, sp.alt),
            Some('%') => format!("{:.*}%", sp.precision.unwrap_or(6), a * 100.0),
            Some(t) => {
                return Err(format!(
                    "Unknown format code '{}' for object of type 'float'",
                    t
                ))
            }
        }
    };
    let body = match sp.grouping {
        Some(g) if a.is_finite() => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => body.split_at(i),
                None => (body.as_str(), ""),
            };
            format!("{}{}", group(int_part, g, 3), rest)
        }
        _ => body,
    };
    Ok(pad(sp, sign_str(neg, sp), &body, true))
}

/// `%`-formatting of one conversion for a number; `None` when the value is not numeric.
pub fn percent_number(
    conv: char,
    flags: &str,
    width: Option<usize>,
    prec: Option<usize>,
    num: Num,
) -> Result<String, String> {
    let mut sp = Spec {
        width,
        precision: prec,
        ..Spec::default()
    };
    if flags.contains('-') {
        sp.align = Some('<');
    } else if flags.contains('0') {
        sp.zero = true;
    }
    if flags.contains('+') {
        sp.sign = Some('+');
    } else if flags.contains(' ') {
        sp.sign = Some(' ');
    }
    sp.alt = flags.contains('#');
    match conv {
        'd' | 'i' | 'u' => {
            let i = match num {
                Num::Int(i) => i,
                Num::Float(f) => BigInt::from(f.trunc() as i128),
            };
            sp.precision = None;
            let s = format_int(&i, &sp)?;
            Ok(s)
        }
        'x' | 'X' | 'o' => {
            let i = match num {
                Num::Int(i) => i,
                Num::Float(_) => {
                    return Err(format!(
                        "%{} format: an integer is required, not float",
                        conv
                    ))
                }
            };
            sp.ty = Some(conv);
            sp.precision = None;
            format_int(&i, &sp)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match num {
                Num::Int(i) => i.to_string().parse().unwrap_or(0.0),
                Num::Float(f) => f,
            };
            sp.ty = Some(conv);
            if sp.precision.is_none() {
                sp.precision = Some(6);
            }
            format_float(f, &sp)
        }
        _ => Err(format!("unsupported format character '{}'", conv)),
    }
}

pub enum Num {
    Int(BigInt),
    Float(f64),
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn reprs() {
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(123.456), "123.456");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(float_repr(2.0f64.powi(70)), "1.1805916207174113e+21");
    }
    #[test]
    fn specs() {
        let f = |x: f64, s: &str| format_float(x, &parse_spec(s).unwrap()).unwrap();
        assert_eq!(f(3.14159, ".2f"), "3.14");
        assert_eq!(f(3.14159, "10.3f"), "     3.142");
        assert_eq!(f(1234567.0, ",.2f"), "1,234,567.00");
        assert_eq!(f(0.000123, "g"), "0.000123");
        assert_eq!(f(1e-5, "g"), "1e-05");
        assert_eq!(f(12345.678, "e"), "1.234568e+04");
        assert_eq!(f(2.5, ".0f"), "2");
        assert_eq!(f(1.0, ""), "1.0");
        assert_eq!(f(0.5, ".1%"), "50.0%");
        let i = |x: i64, s: &str| format_int(&BigInt::from(x), &parse_spec(s).unwrap()).unwrap();
        assert_eq!(i(255, "x"), "ff");
        assert_eq!(i(255, "#x"), "0xff");
        assert_eq!(i(42, "05d"), "00042");
        assert_eq!(i(-42, "05d"), "-0042");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(5, "^5"), "  5  ");
    }
}
