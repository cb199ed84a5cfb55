//! The standard library: builtin functions called through one helper
//! ([`BUILTIN`]: `[id, runtime, args...]`), and the predefined constants.
//!
//! Builtins with by-reference parameters (`sort`, `array_push`, ...) return
//! a list `[result, new value of each by-ref argument...]`; the compiler (or
//! the call instruction) stores the new values back.

use std::cell::RefCell;

use vm_core::heap;
use vm_core::jit::helpers::Helper;
use vm_core::{Mutation, Value};

use crate::bytes;
use crate::ops::EFF_ANY;
use crate::output;
use crate::preg;
use crate::runtime::{self, *};
use crate::value::*;

type Res<'gc> = Result<Value<'gc>, Value<'gc>>;
type BF = for<'gc> fn(&Mutation<'gc>, Value<'gc>, &[Value<'gc>]) -> Res<'gc>;

thread_local! {
    static LOC: RefCell<String> = const { RefCell::new(String::new()) };
    static MT: RefCell<Mt> = RefCell::new(Mt::new());
}

/// Sets the location text used by warnings of the next builtin call.
pub fn set_loc(v: Value<'_>) {
    LOC.with(|l| {
        let mut l = l.borrow_mut();
        l.clear();
        l.push_str(v.as_str().unwrap_or(""));
    });
}

fn loc() -> String {
    LOC.with(|l| l.borrow().clone())
}

/// A warning of the builtin being called, with its location.
pub(crate) fn warn(msg: &str) {
    runtime::warn(&format!("{msg}{}", loc()));
}

fn a<'gc>(args: &[Value<'gc>], i: usize) -> Value<'gc> {
    deref(args.get(i).copied().unwrap_or(Value::Absent))
}

/// Argument `i` as an int ([`to_int`] of [`a`]), reading an int argument
/// in place: copying a `Value` out first makes rustc move its bytes
/// through the stack in overlapping pieces, a store-forwarding stall that
/// took ~7% of hash1's CPU time in `dechex`.
#[inline]
fn int_arg(args: &[Value<'_>], i: usize) -> i64 {
    match args.get(i) {
        Some(&Value::Int(n)) => n,
        _ => to_int(a(args, i)),
    }
}

/// An enum's cases in declaration order (its constants that are its instances).
fn enum_cases<'gc>(cls: Value<'gc>) -> Vec<Value<'gc>> {
    if heap::as_code(cls).is_none() {
        return Vec::new();
    }
    heap::dict_entries(class_const(cls, C_CONSTS))
        .into_iter()
        .filter(|(k, v)| {
            // A constant naming a case (`const Wild = self::Spades`) is not one.
            is_object(*v)
                && heap::get_field(*v, O_CLASS).same(&cls)
                && obj_prop(*v, "name").as_str() == k.as_str()
        })
        .map(|(_, v)| v)
        .collect()
}

/// A `preg_match` offset (negative: from the end) as a byte position.
fn offset_in(hay: &str, off: i64) -> usize {
    if off < 0 {
        hay.len().saturating_sub(off.unsigned_abs() as usize)
    } else {
        off as usize
    }
}

thread_local! {
    /// A read of standard input found its end (`feof(STDIN)`).
    static STDIN_EOF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn now_ts() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `date()`'s timestamp argument (now when absent or null).
fn date_ts(args: &[Value<'_>]) -> i64 {
    if has(args, 1) && !matches!(a(args, 1), Value::None) {
        int_arg(args, 1)
    } else {
        now_ts()
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_days(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

struct DateParts {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    /// 0 = Sunday.
    wday: i64,
    yday: i64,
}

fn date_parts(ts: i64) -> DateParts {
    let days = ts.div_euclid(86400);
    let rem = ts.rem_euclid(86400);
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    DateParts {
        year,
        month,
        day,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1),
    }
}

/// ISO-8601 week number and week-numbering year.
fn iso_week(p: &DateParts) -> (i64, i64) {
    let wd = if p.wday == 0 { 7 } else { p.wday };
    let w = (p.yday + 1 - wd + 10) / 7;
    let weeks = |y: i64| {
        let jan1 = (days_from_civil(y, 1, 1) + 4).rem_euclid(7);
        if jan1 == 4 || (jan1 == 3 && is_leap(y)) {
            53
        } else {
            52
        }
    };
    if w < 1 {
        (p.year - 1, weeks(p.year - 1))
    } else if w > weeks(p.year) {
        (p.year + 1, 1)
    } else {
        (p.year, w)
    }
}

/// `date()` in UTC.
fn format_date(f: &str, ts: i64) -> String {
    const DAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    const MONTHS: [&str; 12] = [
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
    let p = date_parts(ts);
    let mut o = String::new();
    let mut cs = f.chars();
    while let Some(c) = cs.next() {
        let h12 = if p.hour % 12 == 0 { 12 } else { p.hour % 12 };
        match c {
            'd' => o.push_str(&format!("{:02}", p.day)),
            'D' => o.push_str(&DAYS[p.wday as usize][..3]),
            'j' => o.push_str(&p.day.to_string()),
            'l' => o.push_str(DAYS[p.wday as usize]),
            'N' => o.push_str(&(if p.wday == 0 { 7 } else { p.wday }).to_string()),
            'S' => o.push_str(match p.day {
                1 | 21 | 31 => "st",
                2 | 22 => "nd",
                3 | 23 => "rd",
                _ => "th",
            }),
            'w' => o.push_str(&p.wday.to_string()),
            'z' => o.push_str(&p.yday.to_string()),
            'W' => o.push_str(&format!("{:02}", iso_week(&p).1)),
            'o' => o.push_str(&iso_week(&p).0.to_string()),
            'F' => o.push_str(MONTHS[p.month as usize - 1]),
            'M' => o.push_str(&MONTHS[p.month as usize - 1][..3]),
            'm' => o.push_str(&format!("{:02}", p.month)),
            'n' => o.push_str(&p.month.to_string()),
            't' => o.push_str(&month_days(p.year, p.month).to_string()),
            'L' => o.push(if is_leap(p.year) { '1' } else { '0' }),
            'Y' => o.push_str(&p.year.to_string()),
            'y' => o.push_str(&format!("{:02}", p.year.rem_euclid(100))),
            'a' => o.push_str(if p.hour < 12 { "am" } else { "pm" }),
            'A' => o.push_str(if p.hour < 12 { "AM" } else { "PM" }),
            'g' => o.push_str(&h12.to_string()),
            'G' => o.push_str(&p.hour.to_string()),
            'h' => o.push_str(&format!("{h12:02}")),
            'H' => o.push_str(&format!("{:02}", p.hour)),
            'i' => o.push_str(&format!("{:02}", p.min)),
            's' => o.push_str(&format!("{:02}", p.sec)),
            'u' => o.push_str("000000"),
            'v' => o.push_str("000"),
            'e' | 'T' => o.push_str("UTC"),
            'P' => o.push_str("+00:00"),
            'p' => o.push('Z'),
            'O' => o.push_str("+0000"),
            'Z' | 'I' | 'B' => o.push('0'),
            'U' => o.push_str(&ts.to_string()),
            'c' => o.push_str(&format_date("Y-m-d\\TH:i:sP", ts)),
            'r' => o.push_str(&format_date("D, d M Y H:i:s O", ts)),
            '\\' => {
                if let Some(n) = cs.next() {
                    o.push(n);
                }
            }
            c => o.push(c),
        }
    }
    o
}

fn has(args: &[Value<'_>], i: usize) -> bool {
    !matches!(args.get(i).map(|v| deref(*v)), None | Some(Value::Absent))
}

fn st(v: Value<'_>) -> String {
    to_str_scalar(v)
}

/// The PHP string of bytes `b` (see `bytes`).
fn bytes_str(b: &[u8]) -> String {
    bytes::decode(b)
}

/// The bytes of the PHP string whose text is `t` (see `bytes`).
fn by(t: &str) -> std::borrow::Cow<'_, [u8]> {
    bytes::encode(t)
}

fn ret_refs<'gc>(mc: &Mutation<'gc>, r: Value<'gc>, outs: Vec<Value<'gc>>) -> Res<'gc> {
    let mut v = vec![r];
    v.extend(outs);
    Ok(heap::new_list_from(mc, v))
}

fn type_err<'gc>(
    mc: &Mutation<'gc>,
    f: &str,
    n: usize,
    pname: &str,
    want: &str,
    got: Value<'gc>,
) -> Value<'gc> {
    let g = if is_object(got) {
        class_name_of(got)
    } else {
        type_name(got).to_string()
    };
    err_str(
        mc,
        "TypeError",
        &format!("{f}(): Argument #{n} (${pname}) must be of type {want}, {g} given"),
    )
}

fn need_array<'gc>(
    mc: &Mutation<'gc>,
    f: &str,
    n: usize,
    pname: &str,
    v: Value<'gc>,
) -> Result<Value<'gc>, Value<'gc>> {
    if is_array(v) {
        Ok(v)
    } else {
        Err(type_err(mc, f, n, pname, "array", v))
    }
}

/// The array to mutate for a by-ref argument: a private copy if shared, a new one if null.
fn own_array<'gc>(mc: &Mutation<'gc>, v: Value<'gc>) -> Value<'gc> {
    if is_array(v) {
        if arr_shared(v) {
            arr_copy(mc, v)
        } else {
            v
        }
    } else {
        new_array(mc)
    }
}

// ------------------------------------------------------------------ mt_rand

struct Mt {
    state: [u32; 624],
    left: usize,
    next: usize,
    seeded: bool,
}

impl Mt {
    fn new() -> Mt {
        Mt {
            state: [0; 624],
            left: 0,
            next: 0,
            seeded: false,
        }
    }
    fn seed(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..624 {
            let r = self.state[i - 1];
            self.state[i] = 1812433253u32
                .wrapping_mul(r ^ (r >> 30))
                .wrapping_add(i as u32);
        }
        self.reload();
        self.seeded = true;
    }
    fn reload(&mut self) {
        const N: usize = 624;
        const M: usize = 397;
        fn twist(m: u32, u: u32, v: u32) -> u32 {
            let mix = (u & 0x8000_0000) | (v & 0x7fff_ffff);
            m ^ (mix >> 1) ^ ((-((v & 1) as i32)) as u32 & 0x9908_b0df)
        }
        let s = &mut self.state;
        for p in 0..N - M {
            s[p] = twist(s[p + M], s[p], s[p + 1]);
        }
        for p in N - M..N - 1 {
            s[p] = twist(s[p + M - N], s[p], s[p + 1]);
        }
        s[N - 1] = twist(s[M - 1], s[N - 1], s[0]);
        self.left = N;
        self.next = 0;
    }
    fn next32(&mut self) -> u32 {
        if !self.seeded {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u32)
                .unwrap_or(12345);
            self.seed(t ^ std::process::id());
        }
        if self.left == 0 {
            self.reload();
        }
        self.left -= 1;
        let mut s1 = self.state[self.next];
        self.next += 1;
        s1 ^= s1 >> 11;
        s1 ^= (s1 << 7) & 0x9d2c_5680;
        s1 ^= (s1 << 15) & 0xefc6_0000;
        s1 ^ (s1 >> 18)
    }
    /// php 8.2's `php_random_range64`: the first draw is the low word.
    fn next64(&mut self) -> u64 {
        let lo = self.next32() as u64;
        lo | (self.next32() as u64) << 32
    }
    fn range(&mut self, min: i64, max: i64) -> i64 {
        let umax = (max as u64).wrapping_sub(min as u64);
        if umax > u32::MAX as u64 {
            let mut result = self.next64();
            if umax == u64::MAX {
                return (result as i64).wrapping_add(min);
            }
            let umax = umax + 1;
            if umax & (umax - 1) == 0 {
                return ((result & (umax - 1)) as i64).wrapping_add(min);
            }
            let limit = u64::MAX - (u64::MAX % umax) - 1;
            while result > limit {
                result = self.next64();
            }
            return ((result % umax) as i64).wrapping_add(min);
        }
        let umax = umax as u32;
        let mut result = self.next32();
        if umax == u32::MAX {
            return (result as i64).wrapping_add(min);
        }
        let umax = umax + 1;
        if umax & (umax - 1) == 0 {
            return ((result & (umax - 1)) as i64).wrapping_add(min);
        }
        let limit = u32::MAX - (u32::MAX % umax) - 1;
        while result > limit {
            result = self.next32();
        }
        ((result % umax) as i64).wrapping_add(min)
    }
}

fn mt_range(min: i64, max: i64) -> i64 {
    MT.with(|m| m.borrow_mut().range(min, max))
}

// ------------------------------------------------------------------ formatting

fn url_encode(t: &str, plus: bool) -> String {
    let mut out = String::new();
    for &c in by(t).iter() {
        match c {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(c as char),
            b'~' if !plus => out.push('~'),
            b' ' if plus => out.push('+'),
            _ => out.push_str(&format!("%{c:02X}")),
        }
    }
    out
}

fn url_decode(t: &str, plus: bool) -> Vec<u8> {
    let b = by(&t);
    let b: &[u8] = &b;
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz");
            if let Ok(x) = u8::from_str_radix(hex, 16) {
                out.push(x);
                i += 3;
                continue;
            }
        }
        out.push(if plus && b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    out
}

/// php's `sprintf`.
pub fn sprintf<'gc>(
    mc: &Mutation<'gc>,
    fname: &str,
    args: &[Value<'gc>],
) -> Result<String, Value<'gc>> {
    let fmt = st(a(args, 0));
    let f = by(&fmt);
    let f: &[u8] = &f;
    let mut out: Vec<u8> = Vec::new();
    let mut argi = 1;
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < f.len() && f[i] == b'%' {
            out.push(b'%');
            i += 1;
            continue;
        }
        // argnum$
        let mut argnum: Option<usize> = None;
        let save = i;
        let mut n = 0usize;
        while i < f.len() && f[i].is_ascii_digit() {
            n = n * 10 + (f[i] - b'0') as usize;
            i += 1;
        }
        if i < f.len() && f[i] == b'$' && i > save {
            argnum = Some(n);
            i += 1;
        } else {
            i = save;
        }
        let mut left = false;
        let mut plus = false;
        let mut pad = b' ';
        loop {
            if i >= f.len() {
                break;
            }
            match f[i] {
                b'-' => left = true,
                b'+' => plus = true,
                b'0' => pad = b'0',
                b' ' => pad = b' ',
                b'\'' => {
                    i += 1;
                    if i < f.len() {
                        pad = f[i];
                    }
                }
                _ => break,
            }
            i += 1;
        }
        let mut width = 0usize;
        while i < f.len() && f[i].is_ascii_digit() {
            width = width * 10 + (f[i] - b'0') as usize;
            i += 1;
        }
        let mut prec: Option<usize> = None;
        if i < f.len() && f[i] == b'.' {
            i += 1;
            let mut p = 0;
            while i < f.len() && f[i].is_ascii_digit() {
                p = p * 10 + (f[i] - b'0') as usize;
                i += 1;
            }
            prec = Some(p);
        }
        if i >= f.len() {
            return Err(err_str(
                mc,
                "ValueError",
                "Missing format specifier at end of string",
            ));
        }
        let conv = f[i];
        i += 1;
        let idx = match argnum {
            Some(n) => n,
            None => {
                argi += 1;
                argi - 1
            }
        };
        if idx >= args.len() {
            return Err(err_str(
                mc,
                "ArgumentCountError",
                &format!("{} arguments are required, {} given", idx + 1, args.len()),
            ));
        }
        let v = a(args, idx);
        let body: String = match conv {
            b'd' | b'i' => {
                let n = to_int(v);
                let mut s = n.abs().to_string();
                if n < 0 {
                    s = format!("-{s}");
                } else if plus {
                    s = format!("+{s}");
                }
                s
            }
            b'u' => (to_int(v) as u64).to_string(),
            b's' => {
                let mut s = st(v);
                if let Some(p) = prec {
                    s = {
                        let b = by(&s);
                        bytes_str(&b[..p.min(b.len())])
                    };
                }
                s
            }
            b'f' | b'F' => {
                let x = to_float(v);
                let p = prec.unwrap_or(6);
                let mut s = if x.is_finite() {
                    format!("{:.*}", p, x)
                } else {
                    fmt_fixed(x, p)
                };
                if s.starts_with('-') && s[1..].bytes().all(|c| c == b'0' || c == b'.') {
                    s = s[1..].to_string();
                }
                if plus && x >= 0.0 {
                    s = format!("+{s}");
                }
                s
            }
            b'e' | b'E' => {
                let x = to_float(v);
                let p = prec.unwrap_or(6);
                let s = format!("{:.*e}", p, x);
                let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                let e: i32 = e.parse().unwrap_or(0);
                let mut r = format!("{m}e{}{}", if e < 0 { "-" } else { "+" }, e.abs());
                if conv == b'E' {
                    r = r.to_uppercase();
                }
                if plus && x >= 0.0 {
                    r = format!("+{r}");
                }
                r
            }
            b'g' | b'G' => {
                let x = to_float(v);
                let p = prec.unwrap_or(6).max(1);
                let r = fmt_float_prec(x, p);
                let r = r.replace("E+", "e+").replace("E-", "e-");
                if conv == b'G' {
                    r.to_uppercase()
                } else {
                    r
                }
            }
            b'x' => format!("{:x}", to_int(v)),
            b'X' => format!("{:X}", to_int(v)),
            b'o' => format!("{:o}", to_int(v)),
            b'b' => format!("{:b}", to_int(v)),
            b'c' => {
                out.push(to_int(v) as u8);
                continue;
            }
            _ => {
                return Err(err_str(
                    mc,
                    "ValueError",
                    &format!("Unknown format specifier \"{}\"", conv as char),
                ));
            }
        };
        let _ = fname;
        let blen = bytes::byte_len(&body);
        if width > blen {
            let fill = width - blen;
            if left {
                out.extend_from_slice(&by(&body));
                // php pads a left-justified integer with spaces, not zeros.
                let p = if pad == b'0' && matches!(conv, b'd' | b'i' | b'u') {
                    b' '
                } else {
                    pad
                };
                for _ in 0..fill {
                    out.push(p);
                }
            } else if pad == b'0'
                && (body.starts_with('-') || body.starts_with('+'))
                && matches!(conv, b'd' | b'i' | b'f' | b'F' | b'e' | b'E')
            {
                out.push(by(&body)[0]);
                for _ in 0..fill {
                    out.push(b'0');
                }
                out.extend_from_slice(&by(&body)[1..]);
            } else {
                for _ in 0..fill {
                    out.push(pad);
                }
                out.extend_from_slice(&by(&body));
            }
        } else {
            out.extend_from_slice(&by(&body));
        }
    }
    Ok(bytes_str(&out))
}

/// Fixed-point with php's rounding (round half away from zero on the decimal value).
pub fn fmt_fixed(x: f64, p: usize) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let r = php_round(x, p as i64);
    let s = format!("{:.*}", p, r);
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        return s[1..].to_string();
    }
    s
}

/// php's `round()` (pre-rounding to 15 significant digits to undo representation error).
pub fn php_round(value: f64, places: i64) -> f64 {
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    let places = places.clamp(-308, 308);
    let f1 = 10f64.powi(places.unsigned_abs() as i32);
    let tmp = if places >= 0 { value * f1 } else { value / f1 };
    if !tmp.is_finite() {
        return value;
    }
    // Use the shortest repr to decide ties like php's pre-rounding does.
    let r = round_half_away(tmp);
    let r = if (r - tmp).abs() == 0.5 {
        r
    } else {
        let s = format!("{:.15e}", tmp);
        let t: f64 = s.parse().unwrap_or(tmp);
        round_half_away(t)
    };
    let res = if places >= 0 { r / f1 } else { r * f1 };
    if res.is_finite() {
        // Avoid 1.2300000000000002 artefacts: re-parse through the decimal string.
        let s = format!("{:.*}", places.max(0) as usize, res);
        s.parse().unwrap_or(res)
    } else {
        value
    }
}

fn round_half_away(x: f64) -> f64 {
    let r = x.round();
    r
}

pub fn number_format(x: f64, dec: usize, dp: &str, ts: &str) -> String {
    let s = fmt_fixed(x.abs(), dec);
    let (int_part, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::new();
    let n = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            grouped.push_str(ts);
        }
        grouped.push(c);
    }
    let mut out = String::new();
    let is_zero = s.chars().all(|c| c == '0' || c == '.');
    if x < 0.0 && !is_zero {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        if dec > 0 {
            out.push_str(dp);
            out.push_str(&f);
        }
    }
    out
}

// ------------------------------------------------------------------ sorting

fn sort_cmp<'gc>(flags: i64) -> impl Fn(&Value<'gc>, &Value<'gc>) -> std::cmp::Ordering {
    move |x: &Value<'gc>, y: &Value<'gc>| {
        let (x, y) = (deref(*x), deref(*y));
        let fold = flags & 8 != 0;
        match flags & 7 {
            1 => to_float(x)
                .partial_cmp(&to_float(y))
                .unwrap_or(std::cmp::Ordering::Equal),
            2 if fold => st(x).to_ascii_lowercase().cmp(&st(y).to_ascii_lowercase()),
            2 => by(&st(x)).cmp(&by(&st(y))),
            6 => natcmp(&st(x), &st(y), fold).cmp(&0),
            _ => compare(x, y).unwrap_or(std::cmp::Ordering::Equal),
        }
    }
}

fn do_sort<'gc>(
    mc: &Mutation<'gc>,
    args: &[Value<'gc>],
    by_key: bool,
    keep_keys: bool,
    reverse: bool,
) -> Res<'gc> {
    let arr = a(args, 0);
    if !is_array(arr) {
        return Err(type_err(mc, "sort", 1, "array", "array", arr));
    }
    let flags = to_int(a(args, 1));
    let mut e = arr_raw_entries(arr);
    let cmp = sort_cmp(flags);
    e.sort_by(|p, q| {
        let o = if by_key {
            cmp(&p.0, &q.0)
        } else {
            cmp(&p.1, &q.1)
        };
        if reverse {
            o.reverse()
        } else {
            o
        }
    });
    let out = if keep_keys {
        let r = new_array(mc);
        for (k, v) in e {
            arr_set_slot(mc, r, k, v);
        }
        r
    } else {
        arr_from_list(mc, e.into_iter().map(|(_, v)| v).collect())
    };
    ret_refs(mc, Value::Bool(true), vec![out])
}

// ------------------------------------------------------------------ the table

macro_rules! builtins {
    ($( $name:literal [$($r:literal),*] => $f:expr, )*) => {
        static TABLE: &[(&str, &[usize], BF)] = &[ ("", &[], |_, _, _| Ok(Value::None)), $( ($name, &[$($r),*], $f), )* ];
    };
}

/// Looks a builtin up by lower-case name: its id and by-reference positions.
pub fn lookup(name: &str) -> Option<(u16, &'static [usize])> {
    thread_local! {
        static INDEX: std::collections::HashMap<&'static str, u16> =
            TABLE.iter().enumerate().skip(1).map(|(i, e)| (e.0, i as u16)).collect();
    }
    INDEX.with(|ix| ix.get(name).map(|&i| (i, TABLE[i as usize].1)))
}

/// The id of `strlen` (the interpreter inlines it).
pub fn strlen_id() -> u16 {
    static ID: std::sync::OnceLock<u16> = std::sync::OnceLock::new();
    *ID.get_or_init(|| id_of("strlen"))
}

/// The id of `__deref` (the interpreter inlines it).
pub fn deref_id() -> u16 {
    static ID: std::sync::OnceLock<u16> = std::sync::OnceLock::new();
    *ID.get_or_init(|| id_of("__deref"))
}

pub fn id_of(name: &str) -> u16 {
    lookup(name).map(|x| x.0).unwrap_or(0)
}

pub fn byref_of(id: u16) -> &'static [usize] {
    TABLE.get(id as usize).map(|e| e.1).unwrap_or(&[])
}

/// Parameter names of the builtins most often called with named arguments
/// (php's stubs); other builtins take named arguments in the order given.
pub fn param_names(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "array_slice" => &["array", "offset", "length", "preserve_keys"],
        "array_splice" => &["array", "offset", "length", "replacement"],
        "str_pad" => &["string", "length", "pad_string", "pad_type"],
        "implode" | "join" => &["separator", "array"],
        "explode" => &["separator", "string", "limit"],
        "json_encode" => &["value", "flags", "depth"],
        "json_decode" => &["json", "associative", "depth", "flags"],
        "number_format" => &[
            "num",
            "decimals",
            "decimal_separator",
            "thousands_separator",
        ],
        "round" => &["num", "precision"],
        "in_array" => &["needle", "haystack", "strict"],
        "array_search" => &["needle", "haystack", "strict"],
        "array_keys" => &["array", "filter_value", "strict"],
        "range" => &["start", "end", "step"],
        "array_fill" => &["start_index", "count", "value"],
        "str_split" => &["string", "length"],
        "substr" => &["string", "offset", "length"],
        "strpos" | "stripos" | "strrpos" => &["haystack", "needle", "offset"],
        "str_replace" => &["search", "replace", "subject", "count"],
        "htmlspecialchars" => &["string", "flags", "encoding", "double_encode"],
        "print_r" | "var_export" => &["value", "return"],
        "count" => &["value", "mode"],
        "array_column" => &["array", "column_key", "index_key"],
        "array_unique" => &["array", "flags"],
        "sort" | "rsort" | "ksort" | "krsort" | "asort" | "arsort" => &["array", "flags"],
        "str_repeat" => &["string", "times"],
        "trim" | "ltrim" | "rtrim" => &["string", "characters"],
        "wordwrap" => &["string", "width", "break", "cut_long_words"],
        "array_pad" => &["array", "length", "value"],
        "array_chunk" => &["array", "length", "preserve_keys"],
        "array_combine" => &["keys", "values"],
        "intdiv" => &["num1", "num2"],
        "max" | "min" => &["value"],
        "sprintf" | "printf" => &["format"],
        "mt_rand" | "rand" | "random_int" => &["min", "max"],
        _ => return None,
    })
}

pub fn name_of(id: u16) -> &'static str {
    TABLE.get(id as usize).map(|e| e.0).unwrap_or("")
}

/// Builtins whose object arguments are converted with `__toString` first
/// (through the prelude's `__stringify_call`).
const STRINGY: &[&str] = &[
    "strlen",
    "str_pad",
    "str_repeat",
    "strtoupper",
    "strtolower",
    "ucfirst",
    "lcfirst",
    "ucwords",
    "trim",
    "ltrim",
    "rtrim",
    "substr",
    "strpos",
    "stripos",
    "strrpos",
    "str_replace",
    "str_contains",
    "str_starts_with",
    "str_ends_with",
    "strrev",
    "sprintf",
    "printf",
    "explode",
    "implode",
    "join",
    "md5",
    "crc32",
    "sha1",
    "htmlspecialchars",
    "nl2br",
    "strcmp",
    "strcasecmp",
    "str_split",
    "wordwrap",
    "substr_count",
    "ord",
    "fwrite",
    "fputs",
    "vsprintf",
    "number_format",
    "strstr",
    "strtr",
    "addslashes",
    "str_word_count",
];

const FALLBACK: &str = "\u{1}fallback";

/// Whether a builtin's error asks for the `__toString` fallback.
pub fn is_fallback(e: Value<'_>) -> bool {
    e.as_str() == Some(FALLBACK)
}

/// Whether `v` is, or an array in it holds, a `JsonSerializable` object.
fn has_json_serializable(v: Value<'_>, depth: usize) -> bool {
    let v = deref(v);
    if is_object(v) {
        return instance_of(heap::get_field(v, O_CLASS), "jsonserializable");
    }
    is_array(v)
        && depth < 512
        && arr_values(v)
            .into_iter()
            .any(|x| has_json_serializable(x, depth + 1))
}

fn has_object_arg(args: &[Value<'_>]) -> bool {
    args.iter().any(|v| {
        let v = deref(*v);
        is_object(v) || (is_array(v) && arr_values(v).iter().any(|x| is_object(*x)))
    })
}

/// `dechex`/`decoct`/`decbin`: `n` as an unsigned number in base
/// `2^bits`, written without the formatting machinery (hash1 makes 100,000).
fn radix_str<'gc>(mc: &Mutation<'gc>, n: i64, bits: u32) -> Value<'gc> {
    let u = n as u64;
    let mask = (1u64 << bits) - 1;
    // Digits from the most significant one (at least one, for 0); ASCII,
    // so already a canonical PHP string, made without a buffer.
    let width = 64 - u.leading_zeros().min(63);
    let digits = width.div_ceil(bits);
    vm_core::heap::new_str_from_chars(
        mc,
        (0..digits)
            .rev()
            .map(move |i| b"0123456789abcdef"[((u >> (i * bits)) & mask) as usize] as char),
    )
}

fn h_builtin<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let id = match args[0] {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    let rt = args[1];
    thread_local! {
        /// Per builtin id: 1 when its name is in `STRINGY`, 2 for `count`/`sizeof`
        /// (so a call compares no strings).
        static KIND: Vec<u8> = TABLE
            .iter()
            .map(|e| match e.0 {
                n if STRINGY.contains(&n) => 1,
                "count" | "sizeof" => 2,
                _ => 0,
            })
            .collect();
    }
    match KIND.with(|k| k.get(id).copied().unwrap_or(0)) {
        1 if has_object_arg(&args[2..]) => return Err(s(mc, FALLBACK)),
        // Countable::count() runs in PHP (see the prelude's __stringify_call).
        2 if args.len() > 2 && is_object(deref(args[2])) => return Err(s(mc, FALLBACK)),
        _ => {}
    }
    match TABLE.get(id) {
        Some((_, _, f)) => f(mc, rt, &args[2..]),
        None => Ok(Value::None),
    }
}

/// [`h_builtin`] for arguments [`pure_sig`] accepted (scalars of given
/// kinds, never objects): no per-call check of the builtin's kind.
fn h_pure_builtin<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let id = match args[0] {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    match TABLE.get(id) {
        Some((_, _, f)) => f(mc, args[1], &args[2..]),
        None => Ok(Value::None),
    }
}

/// `[id, runtime, args...]`: runs builtin `id`.
pub static BUILTIN: Helper = Helper {
    name: "php_builtin",
    func: h_builtin,
    effects: EFF_ANY,
};

/// `[id, runtime, args...]`: runs builtin `id` when [`pure_sig`] says its
/// arguments' tags make it pure (no warning, no exception, no heap read
/// beyond immutable strings): the optimiser may merge or drop the call,
/// and it does not end the heap cache as [`BUILTIN`] does.
pub static PURE_BUILTIN: Helper = Helper {
    name: "php_pure_builtin",
    func: h_pure_builtin,
    effects: vm_core::jit::helpers::Effects::PURE,
};

/// Argument kinds of the builtins that are pure on them (see [`PURE_BUILTIN`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PureArg {
    /// An int.
    Int,
    /// A string.
    Str,
    /// An int or a float.
    Num,
}

/// The kinds of `nargs` arguments with which builtin `id` is pure, if any.
pub fn pure_sig(id: u16, nargs: usize) -> Option<&'static [PureArg]> {
    use PureArg::*;
    const SIGS: &[(&str, &[PureArg])] = &[
        ("dechex", &[Int]),
        ("decbin", &[Int]),
        ("decoct", &[Int]),
        ("chr", &[Int]),
        ("ord", &[Str]),
        ("abs", &[Num]),
        ("strtolower", &[Str]),
        ("strtoupper", &[Str]),
        ("ucfirst", &[Str]),
        ("lcfirst", &[Str]),
        ("strrev", &[Str]),
        ("trim", &[Str]),
        ("ltrim", &[Str]),
        ("rtrim", &[Str]),
        ("bin2hex", &[Str]),
        ("md5", &[Str]),
        ("crc32", &[Str]),
        ("substr", &[Str, Int]),
        ("substr", &[Str, Int, Int]),
        ("strpos", &[Str, Str]),
        ("str_contains", &[Str, Str]),
        ("str_starts_with", &[Str, Str]),
        ("str_ends_with", &[Str, Str]),
        ("max", &[Int, Int]),
        ("min", &[Int, Int]),
    ];
    thread_local! {
        static IDS: Vec<(u16, &'static [PureArg])> =
            SIGS.iter().map(|(n, s)| (id_of(n), *s)).filter(|(i, _)| *i != 0).collect();
    }
    IDS.with(|ids| {
        ids.iter()
            .find(|(i, s)| *i == id && s.len() == nargs)
            .map(|(_, s)| *s)
    })
}

/// Predefined and user constants.
pub fn constant<'gc>(mc: &Mutation<'gc>, rt: Value<'gc>, name: &str) -> Option<Value<'gc>> {
    let name = name.trim_start_matches('\\');
    Some(match name {
        "PHP_INT_MAX" => Value::Int(i64::MAX),
        "PHP_INT_MIN" => Value::Int(i64::MIN),
        "PHP_INT_SIZE" => Value::Int(8),
        "PHP_FLOAT_EPSILON" => Value::Float(f64::EPSILON),
        "PHP_FLOAT_MAX" => Value::Float(f64::MAX),
        "PHP_FLOAT_MIN" => Value::Float(f64::MIN_POSITIVE),
        "PHP_FLOAT_DIG" => Value::Int(15),
        "NAN" => Value::Float(f64::NAN),
        "INF" => Value::Float(f64::INFINITY),
        "PHP_EOL" => s(mc, "\n"),
        "PHP_VERSION" => s(mc, "8.2.0"),
        "PHP_MAJOR_VERSION" => Value::Int(8),
        "PHP_MINOR_VERSION" => Value::Int(2),
        "PHP_OS" | "PHP_OS_FAMILY" => s(mc, "Linux"),
        "DIRECTORY_SEPARATOR" => s(mc, "/"),
        "PATH_SEPARATOR" => s(mc, ":"),
        "FILE_USE_INCLUDE_PATH" => Value::Int(1),
        "FILE_IGNORE_NEW_LINES" => Value::Int(2),
        "FILE_SKIP_EMPTY_LINES" => Value::Int(4),
        "FILE_APPEND" => Value::Int(8),
        "LOCK_EX" => Value::Int(2),
        "M_PI" => Value::Float(std::f64::consts::PI),
        "M_E" => Value::Float(std::f64::consts::E),
        "M_SQRT2" => Value::Float(std::f64::consts::SQRT_2),
        "M_PI_2" => Value::Float(std::f64::consts::FRAC_PI_2),
        "M_PI_4" => Value::Float(std::f64::consts::FRAC_PI_4),
        "M_1_PI" => Value::Float(std::f64::consts::FRAC_1_PI),
        "M_LN2" => Value::Float(std::f64::consts::LN_2),
        "M_LN10" => Value::Float(std::f64::consts::LN_10),
        "E_ALL" => Value::Int(32767),
        "PREG_PATTERN_ORDER" => Value::Int(preg::PREG_PATTERN_ORDER),
        "PREG_SET_ORDER" => Value::Int(preg::PREG_SET_ORDER),
        "PREG_OFFSET_CAPTURE" => Value::Int(preg::PREG_OFFSET_CAPTURE),
        "PREG_UNMATCHED_AS_NULL" => Value::Int(preg::PREG_UNMATCHED_AS_NULL),
        "PREG_SPLIT_NO_EMPTY" => Value::Int(preg::PREG_SPLIT_NO_EMPTY),
        "PREG_SPLIT_DELIM_CAPTURE" => Value::Int(preg::PREG_SPLIT_DELIM_CAPTURE),
        "PREG_SPLIT_OFFSET_CAPTURE" => Value::Int(preg::PREG_SPLIT_OFFSET_CAPTURE),
        "PREG_GREP_INVERT" => Value::Int(1),
        "PREG_NO_ERROR" => Value::Int(0),
        "E_ERROR" => Value::Int(1),
        "E_WARNING" => Value::Int(2),
        "E_NOTICE" => Value::Int(8),
        "E_STRICT" => Value::Int(2048),
        "E_DEPRECATED" => Value::Int(8192),
        "E_USER_ERROR" => Value::Int(256),
        "E_USER_WARNING" => Value::Int(512),
        "E_USER_NOTICE" => Value::Int(1024),
        "SORT_REGULAR" => Value::Int(0),
        "SORT_NUMERIC" => Value::Int(1),
        "SORT_STRING" => Value::Int(2),
        "SORT_FLAG_CASE" => Value::Int(8),
        "COUNT_RECURSIVE" => Value::Int(1),
        "COUNT_NORMAL" => Value::Int(0),
        "JSON_PRETTY_PRINT" => Value::Int(128),
        "JSON_ERROR_NONE" => Value::Int(0),
        "JSON_ERROR_DEPTH" => Value::Int(output::JSON_ERROR_DEPTH),
        "JSON_ERROR_SYNTAX" => Value::Int(output::JSON_ERROR_SYNTAX),
        "JSON_ERROR_UTF8" => Value::Int(output::JSON_ERROR_UTF8),
        "JSON_UNESCAPED_SLASHES" => Value::Int(64),
        "JSON_UNESCAPED_UNICODE" => Value::Int(256),
        "JSON_PRESERVE_ZERO_FRACTION" => Value::Int(1024),
        "JSON_THROW_ON_ERROR" => Value::Int(4194304),
        "JSON_HEX_TAG" => Value::Int(1),
        "STR_PAD_RIGHT" => Value::Int(1),
        "STR_PAD_LEFT" => Value::Int(0),
        "STR_PAD_BOTH" => Value::Int(2),
        "ARRAY_FILTER_USE_KEY" => Value::Int(2),
        "ARRAY_FILTER_USE_BOTH" => Value::Int(1),
        "PHP_ROUND_HALF_UP" => Value::Int(1),
        "PHP_ROUND_HALF_DOWN" => Value::Int(2),
        "PHP_ROUND_HALF_EVEN" => Value::Int(3),
        "PHP_ROUND_HALF_ODD" => Value::Int(4),
        "MT_RAND_MT19937" => Value::Int(0),
        "LC_ALL" => Value::Int(6),
        "STDIN" => s(mc, "\u{0}resource:1"),
        "STDOUT" => s(mc, "\u{0}resource:2"),
        "STDERR" => s(mc, "\u{0}resource:3"),
        _ => {
            let v = dict_get_str(rt_field(rt, RT_CONSTS), name);
            if let Value::Absent = v {
                let l = name.to_ascii_lowercase();
                return match l.as_str() {
                    "true" => Some(Value::Bool(true)),
                    "false" => Some(Value::Bool(false)),
                    "null" => Some(Value::None),
                    _ => None,
                };
            }
            v
        }
    })
}

fn str_arg<'gc>(args: &[Value<'gc>], i: usize) -> String {
    st(a(args, i))
}

fn fl<'gc>(x: f64) -> Res<'gc> {
    Ok(Value::Float(x))
}

fn num_or_float<'gc>(v: Value<'gc>) -> NumVal {
    to_number(v).0
}

fn substr_impl(bytes: &[u8], start: i64, len: Option<i64>) -> Vec<u8> {
    let n = bytes.len() as i64;
    let mut st = if start < 0 {
        (n + start).max(0)
    } else {
        start.min(n)
    };
    if st > n {
        st = n;
    }
    let end = match len {
        None => n,
        Some(l) if l < 0 => (n + l).max(st),
        Some(l) => (st + l).min(n),
    };
    if end <= st {
        return Vec::new();
    }
    bytes[st as usize..end as usize].to_vec()
}

fn strpos_impl(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if from > h.len() {
        return None;
    }
    if n.is_empty() {
        return Some(from);
    }
    h[from..]
        .windows(n.len())
        .position(|w| w == n)
        .map(|p| p + from)
}

fn trim_chars(args: &[Value<'_>], i: usize) -> Vec<u8> {
    if has(args, i) {
        let s = st(a(args, i));
        let b = by(&s);
        let b: &[u8] = &b;
        let mut out = Vec::new();
        let mut j = 0;
        while j < b.len() {
            if j + 3 < b.len() + 0 && j + 3 <= b.len() - 1 && b[j + 1] == b'.' && b[j + 2] == b'.' {
                for c in b[j]..=b[j + 3] {
                    out.push(c);
                }
                j += 4;
            } else {
                out.push(b[j]);
                j += 1;
            }
        }
        out
    } else {
        b" \t\n\r\0\x0B".to_vec()
    }
}

fn range_impl<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let (s0, e0) = (a(args, 0), a(args, 1));
    let step_v = if has(args, 2) {
        a(args, 2)
    } else {
        Value::Int(1)
    };
    // Character ranges.
    if let (Value::Str(x), Value::Str(y)) = (s0, e0) {
        let (xb, yb) = (x.as_str().as_bytes(), y.as_str().as_bytes());
        if xb.len() == 1 && yb.len() == 1 && !xb[0].is_ascii_digit() {
            let step = to_int(step_v).unsigned_abs().max(1) as usize;
            let (c0, c1) = (xb[0], yb[0]);
            let mut v = Vec::new();
            if c0 <= c1 {
                let mut c = c0 as usize;
                while c <= c1 as usize {
                    v.push(s(mc, &bytes_str(&[c as u8])));
                    c += step;
                }
            } else {
                let mut c = c0 as i64;
                while c >= c1 as i64 {
                    v.push(s(mc, &bytes_str(&[c as u8])));
                    c -= step as i64;
                }
            }
            return Ok(arr_from_list(mc, v));
        }
    }
    let is_float =
        |v: Value<'_>| matches!(num_or_float(v), NumVal::F(_)) || matches!(v, Value::Float(_));
    if is_float(s0) || is_float(e0) || matches!(step_v, Value::Float(f) if f.fract() != 0.0) {
        let (x, y) = (to_float(s0), to_float(e0));
        let step = to_float(step_v).abs();
        if step == 0.0 {
            return Err(err_str(
                mc,
                "ValueError",
                "range(): Argument #3 ($step) cannot be 0",
            ));
        }
        let n = ((y - x).abs() / step + 1e-9).floor() as i64;
        let mut v = Vec::new();
        for i in 0..=n {
            v.push(Value::Float(if x <= y {
                x + i as f64 * step
            } else {
                x - i as f64 * step
            }));
        }
        return Ok(arr_from_list(mc, v));
    }
    let (x, y) = (to_int(s0), to_int(e0));
    let step = to_int(step_v).unsigned_abs() as i64;
    if step == 0 {
        return Err(err_str(
            mc,
            "ValueError",
            "range(): Argument #3 ($step) cannot be 0",
        ));
    }
    let mut v = Vec::new();
    if x <= y {
        let mut i = x;
        while i <= y {
            v.push(Value::Int(i));
            match i.checked_add(step) {
                Some(n) => i = n,
                None => break,
            }
        }
    } else {
        let mut i = x;
        while i >= y {
            v.push(Value::Int(i));
            match i.checked_sub(step) {
                Some(n) => i = n,
                None => break,
            }
        }
    }
    Ok(arr_from_list(mc, v))
}

/// An open file of `fopen`: read mode holds the whole contents and a cursor;
/// write modes hold the file.
struct OpenFile {
    data: Vec<u8>,
    pos: usize,
    out: Option<std::fs::File>,
}

thread_local! {
    /// Files opened by `fopen`; resource id `n` is slot `n - 4` (1-3 are the std streams).
    static FILES: RefCell<Vec<Option<OpenFile>>> = const { RefCell::new(Vec::new()) };
}

fn resource_id(v: Value<'_>) -> Option<usize> {
    st(v).strip_prefix("\u{0}resource:")?.parse().ok()
}

fn with_file<R>(v: Value<'_>, f: impl FnOnce(&mut OpenFile) -> R) -> Option<R> {
    let id = resource_id(v)?;
    FILES.with(|fs| fs.borrow_mut().get_mut(id.checked_sub(4)?)?.as_mut().map(f))
}

fn open_file<'gc>(mc: &Mutation<'gc>, path: &str, mode: &str) -> Value<'gc> {
    let file = if mode.starts_with('r') && !mode.contains('+') {
        match std::fs::read(path) {
            Ok(data) => OpenFile {
                data,
                pos: 0,
                out: None,
            },
            Err(_) => {
                warn(&format!(
                    "fopen({path}): Failed to open stream: No such file or directory"
                ));
                return Value::Bool(false);
            }
        }
    } else {
        let mut o = std::fs::OpenOptions::new();
        match mode.chars().next() {
            Some('a') => o.append(true).create(true),
            Some('x') => o.write(true).create_new(true),
            Some('c') => o.write(true).create(true),
            _ => o.write(true).create(true).truncate(true),
        };
        match o.open(path) {
            Ok(f) => OpenFile {
                data: Vec::new(),
                pos: 0,
                out: Some(f),
            },
            Err(_) => {
                warn(&format!(
                    "fopen({path}): Failed to open stream: No such file or directory"
                ));
                return Value::Bool(false);
            }
        }
    };
    let id = FILES.with(|fs| {
        let mut fs = fs.borrow_mut();
        fs.push(Some(file));
        fs.len() + 3
    });
    s(mc, &format!("\u{0}resource:{id}"))
}

fn write_stream(target: Value<'_>, text: &str) {
    let t = st(target);
    if t == "\u{0}resource:3" {
        runtime::echo_err(text);
    } else if resource_id(target).map_or(false, |id| id > 3) {
        with_file(target, |f| {
            if let Some(o) = f.out.as_mut() {
                use std::io::Write;
                let _ = o.write_all(&by(&text));
            }
        });
    } else {
        runtime::echo(text);
    }
}

fn md5_hex(data: &[u8]) -> String {
    let s: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    let k: Vec<u32> = (0..64)
        .map(|i| ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32)
        .collect();
    let (mut a0, mut b0, mut c0, mut d0) =
        (0x67452301u32, 0xefcdab89u32, 0x98badcfeu32, 0x10325476u32);
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_le_bytes());
    for chunk in msg.chunks(64) {
        let m: Vec<u32> = (0..16)
            .map(|i| {
                u32::from_le_bytes([
                    chunk[4 * i],
                    chunk[4 * i + 1],
                    chunk[4 * i + 2],
                    chunk[4 * i + 3],
                ])
            })
            .collect();
        let (mut a, mut b, mut c, mut d) = (a0, b0, c0, d0);
        for i in 0..64 {
            let (mut f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(s[i]));
        }
        a0 = a0.wrapping_add(a);
        b0 = b0.wrapping_add(b);
        c0 = c0.wrapping_add(c);
        d0 = d0.wrapping_add(d);
    }
    let mut out = String::new();
    for w in [a0, b0, c0, d0] {
        for b in w.to_le_bytes() {
            out.push_str(&format!("{:02x}", b));
        }
    }
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn count_rec(v: Value<'_>, recursive: bool) -> i64 {
    let mut n = 0;
    for (_, x) in arr_entries(v) {
        n += 1;
        if recursive && is_array(x) {
            n += count_rec(x, true);
        }
    }
    n
}

fn str_replace_one(
    subject: &str,
    search: &[String],
    replace: &[String],
    replace_is_array: bool,
    count: &mut i64,
    ci: bool,
) -> String {
    let mut s = subject.to_string();
    for (i, se) in search.iter().enumerate() {
        if se.is_empty() {
            continue;
        }
        let rep = if replace_is_array {
            replace.get(i).cloned().unwrap_or_default()
        } else {
            replace.first().cloned().unwrap_or_default()
        };
        if ci {
            let lower = s.to_ascii_lowercase();
            let sl = se.to_ascii_lowercase();
            let mut out = String::new();
            let mut last = 0;
            let mut from = 0;
            while let Some(p) = lower[from..].find(&sl) {
                let p = p + from;
                out.push_str(&s[last..p]);
                out.push_str(&rep);
                last = p + se.len();
                from = last;
                *count += 1;
            }
            out.push_str(&s[last..]);
            s = out;
        } else {
            let c = s.matches(se.as_str()).count() as i64;
            if c > 0 {
                *count += c;
                s = s.replace(se.as_str(), &rep);
            }
        }
    }
    s
}

fn str_replace_impl<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>], ci: bool) -> Res<'gc> {
    let (search, replace, subject) = (a(args, 0), a(args, 1), a(args, 2));
    let searches: Vec<String> = if is_array(search) {
        arr_values(search).into_iter().map(st).collect()
    } else {
        vec![st(search)]
    };
    let rep_arr = is_array(replace);
    let reps: Vec<String> = if rep_arr {
        arr_values(replace).into_iter().map(st).collect()
    } else {
        vec![st(replace)]
    };
    let mut count = 0;
    let r = if is_array(subject) {
        let out = new_array(mc);
        for (k, v) in arr_entries(subject) {
            let x = str_replace_one(&st(v), &searches, &reps, rep_arr, &mut count, ci);
            arr_set(mc, out, k, s(mc, &x));
        }
        out
    } else {
        s(
            mc,
            &str_replace_one(&st(subject), &searches, &reps, rep_arr, &mut count, ci),
        )
    };
    if args.len() > 3 {
        return ret_refs(mc, r, vec![Value::Int(count)]);
    }
    Ok(r)
}

fn implode_impl<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let (sep, arr) = if is_array(a(args, 0)) {
        (
            if has(args, 1) {
                st(a(args, 1))
            } else {
                String::new()
            },
            a(args, 0),
        )
    } else {
        (st(a(args, 0)), a(args, 1))
    };
    if !is_array(arr) {
        return Err(type_err(mc, "implode", 2, "array", "?array", arr));
    }
    let mut parts = Vec::new();
    for v in arr_values(arr) {
        parts.push(crate::ops::to_php_string(mc, v, &loc())?);
    }
    Ok(s(mc, &parts.join(&sep)))
}

fn explode_impl<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let sep = str_arg(args, 0);
    let text = str_arg(args, 1);
    if sep.is_empty() {
        return Err(err_str(
            mc,
            "ValueError",
            "explode(): Argument #1 ($separator) cannot be empty",
        ));
    }
    let limit = if has(args, 2) {
        to_int(a(args, 2))
    } else {
        i64::MAX
    };
    let mut parts: Vec<&str> = text.split(sep.as_str()).collect();
    if limit > 0 && parts.len() as i64 > limit {
        let head: Vec<&str> = parts[..(limit - 1) as usize].to_vec();
        let idx: usize = head.iter().map(|p| p.len() + sep.len()).sum();
        let mut v: Vec<String> = head.iter().map(|x| x.to_string()).collect();
        v.push(text[idx..].to_string());
        return Ok(arr_from_list(mc, v.iter().map(|x| s(mc, x)).collect()));
    }
    if limit < 0 {
        let keep = (parts.len() as i64 + limit).max(0) as usize;
        parts.truncate(keep);
    }
    if limit == 0 && parts.len() > 1 {
        return Ok(arr_from_list(mc, vec![s(mc, &text)]));
    }
    Ok(arr_from_list(
        mc,
        parts.into_iter().map(|x| s(mc, x)).collect(),
    ))
}

fn pad_impl<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let input = str_arg(args, 0);
    let len = to_int(a(args, 1)).max(0) as usize;
    let pad = if has(args, 2) {
        str_arg(args, 2)
    } else {
        " ".into()
    };
    let ty = if has(args, 3) { to_int(a(args, 3)) } else { 1 };
    if pad.is_empty() {
        return Err(err_str(
            mc,
            "ValueError",
            "str_pad(): Argument #3 ($pad_string) must be a non-empty string",
        ));
    }
    let n = bytes::byte_len(&input);
    if len <= n {
        return Ok(s(mc, &input));
    }
    let total = len - n;
    let (l, r) = match ty {
        0 => (total, 0),
        2 => (total / 2, total - total / 2),
        _ => (0, total),
    };
    let pb = by(&pad);
    let pb: &[u8] = &pb;
    let mk = |k: usize| -> Vec<u8> { (0..k).map(|i| pb[i % pb.len()]).collect() };
    let mut out = mk(l);
    out.extend_from_slice(&by(&input));
    out.extend(mk(r));
    Ok(s(mc, &bytes_str(&out)))
}

fn wordwrap_impl<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let text = str_arg(args, 0);
    let width = if has(args, 1) {
        to_int(a(args, 1)) as usize
    } else {
        75
    };
    let brk = if has(args, 2) {
        str_arg(args, 2)
    } else {
        "\n".into()
    };
    let cut = has(args, 3) && to_bool(a(args, 3));
    // A faithful port of php's algorithm for the general case.
    let t = by(&text);
    let t: &[u8] = &t;
    let b = by(&brk);
    let b: &[u8] = &b;
    let mut out: Vec<u8> = Vec::new();
    let (mut laststart, mut lastspace) = (0usize, 0usize);
    let mut current = 0usize;
    while current < t.len() {
        let ch = t[current];
        if ch == b[0] && current + b.len() < t.len() && &t[current..current + b.len()] == b {
            out.extend_from_slice(&t[laststart..current + b.len()]);
            current += b.len() - 1;
            laststart = current + 1;
            lastspace = laststart;
        } else if ch == b' ' {
            if current - laststart >= width {
                out.extend_from_slice(&t[laststart..current]);
                out.extend_from_slice(b);
                laststart = current + 1;
            }
            lastspace = current;
        } else if current - laststart >= width && cut && laststart >= lastspace {
            out.extend_from_slice(&t[laststart..current]);
            out.extend_from_slice(b);
            laststart = current;
            lastspace = current;
        } else if current - laststart >= width && laststart < lastspace {
            out.extend_from_slice(&t[laststart..lastspace]);
            out.extend_from_slice(b);
            laststart = lastspace + 1;
            lastspace = laststart;
        }
        current += 1;
    }
    if laststart != current {
        out.extend_from_slice(&t[laststart..current]);
    }
    Ok(s(mc, &bytes_str(&out)))
}

fn array_splice_impl<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let arr = need_array(mc, "array_splice", 1, "array", a(args, 0))?;
    let e = arr_entries(arr);
    let n = e.len() as i64;
    let off = to_int(a(args, 1));
    let off = if off < 0 {
        (n + off).max(0)
    } else {
        off.min(n)
    } as usize;
    let len = if has(args, 2) {
        let l = to_int(a(args, 2));
        if l < 0 {
            ((n + l) as usize).saturating_sub(off)
        } else {
            (l as usize).min(e.len() - off)
        }
    } else {
        e.len() - off
    };
    let repl: Vec<Value> = if has(args, 3) {
        let r = a(args, 3);
        if is_array(r) {
            arr_values(r)
        } else {
            vec![r]
        }
    } else {
        vec![]
    };
    let removed = new_array(mc);
    let out = new_array(mc);
    for (i, (k, v)) in e.into_iter().enumerate() {
        if i == off {
            for r in &repl {
                let _ = arr_push(mc, out, *r);
            }
        }
        if i >= off && i < off + len {
            let _ = arr_push(mc, removed, v);
            continue;
        }
        match k {
            Value::Int(_) => {
                let _ = arr_push(mc, out, v);
            }
            k => arr_set(mc, out, k, v),
        }
    }
    if off >= n as usize {
        for r in &repl {
            let _ = arr_push(mc, out, *r);
        }
    }
    ret_refs(mc, removed, vec![out])
}

fn array_slice_impl<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let arr = need_array(mc, "array_slice", 1, "array", a(args, 0))?;
    let e = arr_entries(arr);
    let n = e.len() as i64;
    let off = to_int(a(args, 1));
    let off = if off < 0 {
        (n + off).max(0)
    } else {
        off.min(n)
    } as usize;
    let len = if has(args, 2) {
        let l = to_int(a(args, 2));
        if l < 0 {
            ((n + l).max(0) as usize).saturating_sub(off)
        } else {
            (l as usize).min(e.len() - off)
        }
    } else {
        e.len() - off
    };
    let preserve = has(args, 3) && to_bool(a(args, 3));
    let out = new_array(mc);
    for (k, v) in e.into_iter().skip(off).take(len) {
        share(mc, v);
        match k {
            Value::Int(_) if !preserve => {
                let _ = arr_push(mc, out, v);
            }
            k => arr_set(mc, out, k, v),
        }
    }
    Ok(out)
}

fn min_max<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>], want_max: bool, fname: &str) -> Res<'gc> {
    let vals: Vec<Value> = if args.len() == 1 {
        let x = a(args, 0);
        if !is_array(x) {
            return Err(type_err(mc, fname, 1, "value", "array", x));
        }
        arr_values(x)
    } else {
        args.iter().map(|v| deref(*v)).collect()
    };
    if vals.is_empty() {
        return Err(err_str(
            mc,
            "ValueError",
            &format!("{fname}(): Argument #1 ($value) must contain at least one element"),
        ));
    }
    let mut best = vals[0];
    for v in &vals[1..] {
        let c = compare(*v, best);
        if want_max && c == Some(std::cmp::Ordering::Greater)
            || !want_max && c == Some(std::cmp::Ordering::Less)
        {
            best = *v;
        }
    }
    Ok(best)
}

fn intval_base(t: &str, base: i64) -> i64 {
    let t = t.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (base, t) = if base == 16 {
        (16, t.trim_start_matches("0x").trim_start_matches("0X"))
    } else if base == 8 {
        (8, t.trim_start_matches("0o"))
    } else if base == 2 {
        (2, t.trim_start_matches("0b"))
    } else if base == 0 {
        if let Some(r) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
            (16, r)
        } else if let Some(r) = t.strip_prefix("0b") {
            (2, r)
        } else if t.starts_with('0') && t.len() > 1 {
            (8, &t[1..])
        } else {
            (10, t)
        }
    } else {
        (base as u32, t)
    };
    let mut v: i64 = 0;
    for c in t.chars() {
        match c.to_digit(base as u32) {
            Some(d) => v = v.saturating_mul(base as i64).saturating_add(d as i64),
            None => break,
        }
    }
    if neg {
        -v
    } else {
        v
    }
}

fn ucwords(t: &str, delims: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in t.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = delims.contains(c);
    }
    out
}

fn similar(a: &[u8], b: &[u8]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let (mut max, mut pa, mut pb) = (0, 0, 0);
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            if k > max {
                max = k;
                pa = i;
                pb = j;
            }
        }
    }
    if max == 0 {
        return 0;
    }
    max + similar(&a[..pa], &b[..pb]) + similar(&a[pa + max..], &b[pb + max..])
}

fn levenshtein(a: &[u8], b: &[u8]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn settype_impl<'gc>(mc: &Mutation<'gc>, v: Value<'gc>, t: &str) -> Option<Value<'gc>> {
    Some(match t {
        "int" | "integer" => Value::Int(to_int(v)),
        "float" | "double" => Value::Float(to_float(v)),
        "string" => s(mc, &st(v)),
        "bool" | "boolean" => Value::Bool(to_bool(v)),
        "array" => {
            if is_array(v) {
                v
            } else if matches!(v, Value::None) {
                new_array(mc)
            } else {
                arr_from_list(mc, vec![v])
            }
        }
        "null" => Value::None,
        _ => return None,
    })
}

fn cast_impl<'gc>(mc: &Mutation<'gc>, rt: Value<'gc>, v: Value<'gc>, t: &str) -> Res<'gc> {
    Ok(match t {
        "int" => Value::Int(to_int(v)),
        "float" => Value::Float(to_float(v)),
        "string" => s(mc, &crate::ops::to_php_string(mc, v, &loc())?),
        "bool" => Value::Bool(to_bool(v)),
        "array" => {
            if is_array(v) {
                v
            } else if matches!(v, Value::None) {
                new_array(mc)
            } else if is_object(v) {
                let out = new_array(mc);
                for (k, x) in heap::dict_entries(heap::get_field(v, O_PROPS)) {
                    let k = norm_key(mc, k).unwrap_or(k);
                    arr_set(mc, out, k, deref(x));
                }
                out
            } else {
                arr_from_list(mc, vec![v])
            }
        }
        "object" => {
            if is_object(v) {
                v
            } else {
                let cls = lookup_class(rt, "stdClass");
                let o = instantiate(mc, rt, cls);
                if is_array(v) {
                    let props = heap::get_field(o, O_PROPS);
                    for (k, x) in arr_entries(v) {
                        heap::dict_set(mc, props, s(mc, &st(k)), x);
                    }
                } else if !matches!(v, Value::None) {
                    heap::dict_set(mc, heap::get_field(o, O_PROPS), s(mc, "scalar"), v);
                }
                o
            }
        }
        _ => Value::None,
    })
}

builtins! {
    // ---- internal helpers used by the compiler
    "__globals" [] => |mc, rt, _| {
        let out = new_array(mc);
        for (k, cell) in heap::dict_entries(rt_field(rt, RT_GLOBALS)) {
            let v = deref(cell);
            if !matches!(v, Value::Absent) {
                let k = norm_key(mc, k).unwrap_or(k);
                arr_set_slot(mc, out, k, cell);
            }
        }
        Ok(out)
    },
    "__host" [] => |mc, _, args| Ok(crate::embed::call_host(mc, to_int(args[0]) as usize, &args[1..])),
    "__newref" [] => |mc, _, args| Ok(new_ref(mc, a(args, 0))),
    "__deref" [] => |_, _, args| Ok(a(args, 0)),
    "__list_get" [] => |_, _, args| {
        let l = args[0];
        let i = to_int(args[1]);
        Ok(if let Value::List(_) = l { if i < heap::list_len(l) { heap::list_get(l, i) } else { Value::None } } else { Value::None })
    },
    "__isset" [] => |_, _, args| Ok(Value::Bool(!matches!(a(args, 0), Value::None | Value::Absent))),
    "__incfix" [] => |mc, _, args| {
        // (old, computed, is_inc): null++ is 1, null-- is null, strings increment alphanumerically.
        let old = a(args, 0);
        let inc = to_bool(args[2]);
        Ok(match old {
            Value::None | Value::Absent => if inc { Value::Int(1) } else { Value::None },
            Value::Str(_) => incdec_str(mc, old, inc),
            Value::Bool(_) => old,
            _ => args[1],
        })
    },
    "__incdec" [] => |mc, _, args| {
        let old = a(args, 0);
        let inc = to_bool(args[1]);
        Ok(match old {
            Value::None | Value::Absent => if inc { Value::Int(1) } else { Value::None },
            Value::Int(i) => match if inc { i.checked_add(1) } else { i.checked_sub(1) } {
                Some(v) => Value::Int(v),
                None => Value::Float(i as f64 + if inc { 1.0 } else { -1.0 }),
            },
            Value::Float(f) => Value::Float(if inc { f + 1.0 } else { f - 1.0 }),
            Value::Str(_) => incdec_str(mc, old, inc),
            other if is_array(other) => {
                let what = if inc { "Cannot increment array" } else { "Cannot decrement array" };
                return Err(err_str(mc, "TypeError", what));
            }
            other => other,
        })
    },
    "__bindref_dim" [] => |mc, _, args| {
        let (arr, k, cell, append) = (args[0], args[1], args[2], to_bool(args[3]));
        if !is_array(arr) { return Err(err_str(mc, "Error", "Cannot use a scalar value as an array")); }
        if append {
            let n = arr_next_key(arr);
            arr_set_slot(mc, arr, Value::Int(n), cell);
        } else {
            let k = norm_key(mc, k)?;
            arr_set_slot(mc, arr, k, cell);
        }
        Ok(Value::None)
    },
    "__bindref_prop" [] => |mc, _, args| {
        let o = deref(args[0]);
        if !is_object(o) { return Err(err_str(mc, "Error", "Attempt to assign property on non-object")); }
        heap::dict_set(mc, heap::get_field(o, O_PROPS), args[1], args[2]);
        Ok(Value::None)
    },
    "__bitnot" [] => |mc, _, args| {
        let v = a(args, 0);
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Float(f) => Ok(Value::Int(!float_to_int(f))),
            Value::Str(t) => Ok(s(mc, &bytes_str(&by(t.as_str()).iter().map(|b| !b).collect::<Vec<u8>>()))),
            other => Err(err_str(mc, "TypeError", &format!("Cannot perform bitwise not on {}", type_name(other)))),
        }
    },
    "__cast" [] => |mc, rt, args| cast_impl(mc, rt, a(args, 0), &st(args[1])),
    "__spread" [] => |mc, _, args| {
        let (dst, src) = (args[0], a(args, 1));
        if !is_array(src) { return Err(err_str(mc, "Error", "Only arrays and Traversables can be unpacked")); }
        for (k, v) in arr_entries(src) {
            share(mc, v);
            match k { Value::Int(_) => arr_push(mc, dst, v)?, k => arr_set(mc, dst, k, v) }
        }
        Ok(Value::None)
    },
    "__str_offset_set" [] => |mc, _, args| {
        let t = st(args[0]);
        let mut b = by(&t).into_owned();
        let i = to_int(a(args, 1));
        let i = if i < 0 { b.len() as i64 + i } else { i };
        if i < 0 { return Err(err_str(mc, "Error", "Illegal string offset")); }
        let c = st(a(args, 2));
        let ch = by(&c).first().copied().unwrap_or(b' ');
        while b.len() <= i as usize { b.push(b' '); }
        b[i as usize] = ch;
        Ok(s(mc, &bytes_str(&b)))
    },
    "__dim_unset" [] => |mc, _, args| {
        let k = norm_key(mc, a(args, 1))?;
        arr_remove(mc, args[0], k);
        Ok(Value::None)
    },
    "__dim_ref" [] => |mc, _, args| {
        let arr = args[0];
        if !is_array(arr) { return Err(err_str(mc, "Error", "Cannot use a scalar value as an array")); }
        let k = match args[1] { Value::Absent => Value::Int(arr_next_key(arr)), k => norm_key(mc, k)? };
        let slot = arr_slot(arr, k);
        if let Value::List(_) = slot { return Ok(slot); }
        let init = if let Value::Absent = slot { Value::None } else { slot };
        let cell = new_ref(mc, init);
        arr_set_slot(mc, arr, k, cell);
        Ok(cell)
    },
    "__prop_ref" [] => |mc, _, args| {
        let o = deref(args[0]);
        if !is_object(o) { return Err(err_str(mc, "Error", "Attempt to modify property on non-object")); }
        let props = heap::get_field(o, O_PROPS);
        let slot = heap::dict_get(props, args[1]);
        if let Value::List(_) = slot { return Ok(slot); }
        let init = if let Value::Absent = slot { Value::None } else { slot };
        let cell = new_ref(mc, init);
        heap::dict_set(mc, props, args[1], cell);
        Ok(cell)
    },
    "__prop_unset" [] => |mc, _, args| {
        let o = deref(args[0]);
        if is_object(o) { heap::dict_del(mc, heap::get_field(o, O_PROPS), args[1]); }
        Ok(Value::None)
    },
    "__append_values" [] => |mc, _, args| {
        let base = args[0];
        let extra = deref(args[1]);
        if is_array(extra) { for v in arr_values(extra) { arr_push(mc, base, v)?; } }
        Ok(base)
    },
    "preg_match" [2] => |mc, _, args| {
        let p = match preg::compile(&str_arg(args, 0)) {
            Ok(p) => p,
            Err(e) => { warn(&format!("preg_match(): {e}")); return Ok(Value::Bool(false)); }
        };
        let hay = str_arg(args, 1);
        let flags = if has(args, 3) { int_arg(args, 3) } else { 0 };
        let off = if has(args, 4) { offset_in(&hay, int_arg(args, 4)) } else { 0 };
        let found = if off > hay.len() { None } else { p.find_at(&hay, off) };
        let r = Value::Int(found.is_some() as i64);
        if args.len() > 2 {
            let m = match &found {
                Some(sp) => preg::match_array(mc, &p, &hay, sp, flags, true),
                None => new_array(mc),
            };
            return ret_refs(mc, r, vec![m]);
        }
        Ok(r)
    },
    "preg_match_all" [2] => |mc, _, args| {
        let p = match preg::compile(&str_arg(args, 0)) {
            Ok(p) => p,
            Err(e) => { warn(&format!("preg_match_all(): {e}")); return Ok(Value::Bool(false)); }
        };
        let hay = str_arg(args, 1);
        let mut flags = if has(args, 3) { int_arg(args, 3) } else { 0 };
        if flags & (preg::PREG_SET_ORDER | preg::PREG_PATTERN_ORDER) == 0 { flags |= preg::PREG_PATTERN_ORDER; }
        let all = p.find_all(&hay, -1);
        let r = Value::Int(all.len() as i64);
        if args.len() > 2 {
            let m = preg::match_all_array(mc, &p, &hay, &all, flags);
            return ret_refs(mc, r, vec![m]);
        }
        Ok(r)
    },
    "preg_replace" [4] => |mc, _, args| {
        let limit = if has(args, 3) { int_arg(args, 3) } else { -1 };
        let pats: Vec<String> = if is_array(a(args, 0)) { arr_values(a(args, 0)).into_iter().map(to_str_scalar).collect() } else { vec![str_arg(args, 0)] };
        let rep_arr = is_array(a(args, 1));
        let reps: Vec<String> = if rep_arr { arr_values(a(args, 1)).into_iter().map(to_str_scalar).collect() } else { vec![str_arg(args, 1)] };
        let mut compiled = Vec::new();
        for pt in &pats {
            match preg::compile(pt) {
                Ok(p) => compiled.push(p),
                Err(e) => { warn(&format!("preg_replace(): {e}")); compiled.clear(); break; }
            }
        }
        let mut count = 0i64;
        let failed = compiled.len() != pats.len();
        let one = |t: String, count: &mut i64| -> String {
            let mut t = t;
            for (i, p) in compiled.iter().enumerate() {
                let rep = if rep_arr { reps.get(i).map(String::as_str).unwrap_or("") } else { reps[0].as_str() };
                t = preg::replace_one(p, &t, rep, limit, count);
            }
            t
        };
        let subj = a(args, 2);
        let r = if failed {
            Value::None
        } else if is_array(subj) {
            let out = new_array(mc);
            for (k, v) in arr_entries(subj) {
                let t = one(to_str_scalar(v), &mut count);
                arr_set(mc, out, k, s(mc, &t));
            }
            out
        } else {
            s(mc, &one(to_str_scalar(subj), &mut count))
        };
        if args.len() > 4 {
            return ret_refs(mc, r, vec![Value::Int(count)]);
        }
        Ok(r)
    },
    "preg_split" [] => |mc, _, args| {
        let p = match preg::compile(&str_arg(args, 0)) {
            Ok(p) => p,
            Err(e) => { warn(&format!("preg_split(): {e}")); return Ok(Value::Bool(false)); }
        };
        let limit = if has(args, 2) && !matches!(a(args, 2), Value::None) { int_arg(args, 2) } else { -1 };
        let flags = if has(args, 3) { int_arg(args, 3) } else { 0 };
        Ok(preg::split(mc, &p, &str_arg(args, 1), limit, flags))
    },
    "preg_quote" [] => |mc, _, args| {
        let d = if has(args, 1) { str_arg(args, 1).chars().next() } else { None };
        Ok(s(mc, &preg::quote(&str_arg(args, 0), d)))
    },
    "preg_grep" [] => |mc, _, args| {
        let p = match preg::compile(&str_arg(args, 0)) {
            Ok(p) => p,
            Err(e) => { warn(&format!("preg_grep(): {e}")); return Ok(Value::Bool(false)); }
        };
        let invert = has(args, 2) && int_arg(args, 2) & 1 != 0;
        let out = new_array(mc);
        for (k, v) in arr_entries(a(args, 1)) {
            if p.find_at(&to_str_scalar(v), 0).is_some() != invert {
                arr_set(mc, out, k, v);
            }
        }
        Ok(out)
    },
    "preg_last_error" [] => |_, _, _| Ok(Value::Int(0)),
    "preg_last_error_msg" [] => |mc, _, _| Ok(s(mc, "No error")),
    // preg_replace_callback's matches (see the prelude): [[offset, length, groups], ...], or null.
    "__preg_matches" [] => |mc, _, args| {
        let p = match preg::compile(&str_arg(args, 0)) {
            Ok(p) => p,
            Err(e) => { warn(&format!("{}(): {e}", str_arg(args, 3))); return Ok(Value::None); }
        };
        Ok(preg::matches_for_callback(mc, &p, &str_arg(args, 1), int_arg(args, 2), 0))
    },
    // The objects to destruct at the script's end (the prelude's __shutdown).
    "__dtor_objects" [] => |mc, rt, _| {
        let l = rt_field(rt, RT_DTORS);
        Ok(arr_from_list(mc, arr_values(l)))
    },
    "__enum_cases" [] => |mc, rt, args| {
        let cls = lookup_class(rt, &str_arg(args, 0));
        Ok(arr_from_list(mc, enum_cases(cls)))
    },
    "__enum_from" [] => |mc, rt, args| {
        let cls = lookup_class(rt, &str_arg(args, 0));
        let v = a(args, 1);
        for c in enum_cases(cls) {
            if identical(obj_prop(c, "value"), v) {
                return Ok(c);
            }
        }
        if to_bool(a(args, 2)) {
            return Ok(Value::None);
        }
        let shown = match v {
            Value::Str(t) => format!("\"{}\"", t.as_str()),
            v => to_str_scalar(v),
        };
        let name = class_data(cls).map(|c| c.name.clone()).unwrap_or_default();
        Err(err_str(mc, "ValueError", &format!("{shown} is not a valid backing value for enum {name}")))
    },
    "__closure_bindto" [] => |mc, rt, args| {
        let c = deref(args[0]);
        if !is_object(c) || heap::record_len(c) < 6 { return Ok(Value::None); }
        let this = a(args, 1);
        let n = heap::record_len(c);
        let mut f: Vec<Value> = (0..n).map(|i| heap::get_field(c, i)).collect();
        f[4] = this;
        if is_object(this) { f[5] = heap::get_field(this, O_CLASS); }
        if has(args, 2) {
            let sc = a(args, 2);
            if is_object(sc) { f[5] = heap::get_field(sc, O_CLASS); }
            else if let Value::Str(t) = sc { if t.as_str() != "static" { let cl = lookup_class(rt, t.as_str()); if !matches!(cl, Value::None) { f[5] = cl; } } }
        }
        Ok(heap::new_record(mc, heap::record_class(c), f))
    },
    "__closure_bind" [] => |mc, _, args| {
        let c = deref(args[0]);
        let _ = mc;
        Ok(c)
    },
    // ---- output
    "print_r" [] => |mc, _, args| {
        let mut out = String::new();
        output::print_r(a(args, 0), 0, &mut out, 0);
        if has(args, 1) && to_bool(a(args, 1)) { return Ok(s(mc, &out)); }
        runtime::echo(&out);
        Ok(Value::Bool(true))
    },
    "var_dump" [] => |_, _, args| {
        for v in args {
            let mut out = String::new();
            output::var_dump(*v, 0, &mut out, 0);
            runtime::echo(&out);
        }
        Ok(Value::None)
    },
    "var_export" [] => |mc, _, args| {
        let mut out = String::new();
        output::var_export(a(args, 0), 0, &mut out);
        if has(args, 1) && to_bool(a(args, 1)) { return Ok(s(mc, &out)); }
        runtime::echo(&out);
        Ok(Value::None)
    },
    "json_encode" [] => |mc, _, args| {
        if has_json_serializable(a(args, 0), 0) {
            // jsonSerialize() runs in PHP (the prelude's __stringify_call).
            return Err(s(mc, FALLBACK));
        }
        let mut out = String::new();
        let depth = if has(args, 2) { to_int(a(args, 2)).max(0) as usize } else { 512 };
        output::json_reset_depth(depth);
        output::json_encode(a(args, 0), to_int(a(args, 1)), 0, &mut out);
        if output::json_failed() {
            // JSON_ERROR_UTF8 or _DEPTH (php 8.2 without JSON_THROW_ON_ERROR).
            return Ok(Value::Bool(false));
        }
        Ok(s(mc, &out))
    },
    "json_last_error" [] => |_, _, _| Ok(Value::Int(output::json_last_error())),
    "json_last_error_msg" [] => |mc, _, _| Ok(s(mc, output::json_error_msg(output::json_last_error()))),
    "printf" [] => |mc, _, args| {
        let t = sprintf(mc, "printf", args)?;
        runtime::echo(&t);
        Ok(Value::Int(bytes::byte_len(&t) as i64))
    },
    "sprintf" [] => |mc, _, args| Ok(s(mc, &sprintf(mc, "sprintf", args)?)),
    "vsprintf" [] => |mc, _, args| {
        let mut v = vec![a(args, 0)];
        if is_array(a(args, 1)) { v.extend(arr_values(a(args, 1))); }
        Ok(s(mc, &sprintf(mc, "vsprintf", &v)?))
    },
    "vprintf" [] => |mc, _, args| {
        let mut v = vec![a(args, 0)];
        if is_array(a(args, 1)) { v.extend(arr_values(a(args, 1))); }
        let t = sprintf(mc, "vprintf", &v)?;
        runtime::echo(&t);
        Ok(Value::Int(bytes::byte_len(&t) as i64))
    },
    "number_format" [] => |mc, _, args| {
        let dec = if has(args, 1) { to_int(a(args, 1)).max(0) as usize } else { 0 };
        let dp = if has(args, 2) { st(a(args, 2)) } else { ".".into() };
        let ts = if has(args, 3) { st(a(args, 3)) } else { ",".into() };
        Ok(s(mc, &number_format(to_float(a(args, 0)), dec, &dp, &ts)))
    },
    "fwrite" [] => |_, _, args| {
        let t = st(a(args, 1));
        write_stream(a(args, 0), &t);
        Ok(Value::Int(bytes::byte_len(&t) as i64))
    },
    "fputs" [] => |_, _, args| {
        let t = st(a(args, 1));
        write_stream(a(args, 0), &t);
        Ok(Value::Int(bytes::byte_len(&t) as i64))
    },
    "fprintf" [] => |mc, _, args| {
        let t = sprintf(mc, "fprintf", &args[1..])?;
        write_stream(a(args, 0), &t);
        Ok(Value::Int(bytes::byte_len(&t) as i64))
    },
    "fgets" [] => |mc, _, args| {
        if resource_id(a(args, 0)).map_or(false, |id| id > 3) {
            let line = with_file(a(args, 0), |f| {
                if f.pos >= f.data.len() {
                    return None;
                }
                let end = f.data[f.pos..].iter().position(|&c| c == b'\n').map_or(f.data.len(), |p| f.pos + p + 1);
                let l = f.data[f.pos..end].to_vec();
                f.pos = end;
                Some(l)
            });
            return Ok(match line.flatten() { Some(l) => s(mc, &bytes_str(&l)), None => Value::Bool(false) });
        }
        // Standard input, as bytes; a read that finds its end sets feof().
        use std::io::BufRead;
        let mut line = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => {
                STDIN_EOF.with(|e| e.set(true));
                Ok(Value::Bool(false))
            }
            Ok(_) => {
                if line.last() != Some(&b'\n') {
                    STDIN_EOF.with(|e| e.set(true));
                }
                Ok(s(mc, &bytes_str(&line)))
            }
        }
    },
    "fopen" [] => |mc, _, args| {
        let p = str_arg(args, 0);
        Ok(match p.as_str() {
            "php://stdin" => s(mc, "\u{0}resource:1"),
            "php://stdout" | "php://output" => s(mc, "\u{0}resource:2"),
            "php://stderr" => s(mc, "\u{0}resource:3"),
            path => open_file(mc, path, &str_arg(args, 1)),
        })
    },
    "fclose" [] => |_, _, args| {
        if let Some(id) = resource_id(a(args, 0)).filter(|&id| id > 3) {
            FILES.with(|fs| { if let Some(slot) = fs.borrow_mut().get_mut(id - 4) { *slot = None; } });
        }
        Ok(Value::Bool(true))
    },
    "feof" [] => |_, _, args| {
        if resource_id(a(args, 0)).map_or(false, |id| id > 3) {
            return Ok(Value::Bool(with_file(a(args, 0), |f| f.pos >= f.data.len()).unwrap_or(true)));
        }
        Ok(Value::Bool(resource_id(a(args, 0)) == Some(1) && STDIN_EOF.with(|e| e.get())))
    },
    "fread" [] => |mc, _, args| {
        let n = to_int(a(args, 1)).max(0) as usize;
        let chunk = with_file(a(args, 0), |f| {
            let end = (f.pos + n).min(f.data.len());
            let c = f.data[f.pos..end].to_vec();
            f.pos = end;
            c
        });
        Ok(match chunk { Some(c) => s(mc, &bytes_str(&c)), None => Value::Bool(false) })
    },
    "mkdir" [] => |_, _, args| {
        let p = str_arg(args, 0);
        let r = if to_bool(a(args, 2)) { std::fs::create_dir_all(&p) } else { std::fs::create_dir(&p) };
        if r.is_err() { warn(&format!("mkdir(): {}", if std::path::Path::new(&p).exists() { "File exists" } else { "No such file or directory" })); }
        Ok(Value::Bool(r.is_ok()))
    },
    "rmdir" [] => |_, _, args| Ok(Value::Bool(std::fs::remove_dir(str_arg(args, 0)).is_ok())),
    "filesize" [] => |_, _, args| Ok(match std::fs::metadata(str_arg(args, 0)) { Ok(m) => Value::Int(m.len() as i64), Err(_) => Value::Bool(false) }),
    "fflush" [] => |_, _, _| Ok(Value::Bool(true)),
    "file_get_contents" [] => |mc, _, args| {
        let p = str_arg(args, 0);
        let p = if p == "php://stdin" { "/dev/stdin".to_string() } else { p };
        match std::fs::read(&p) {
            Ok(b) => Ok(s(mc, &bytes_str(&b))),
            Err(_) => {
                warn(&format!("file_get_contents({p}): Failed to open stream: No such file or directory"));
                Ok(Value::Bool(false))
            }
        }
    },
    "file_put_contents" [] => |_, _, args| {
        let p = str_arg(args, 0);
        let d = a(args, 1);
        let data = if is_array(d) { arr_values(d).into_iter().map(st).collect::<String>() } else { st(d) };
        match p.as_str() {
            "php://stdout" | "php://output" => { runtime::echo(&data); return Ok(Value::Int(bytes::byte_len(&data) as i64)); }
            "php://stderr" => { runtime::echo_err(&data); return Ok(Value::Int(bytes::byte_len(&data) as i64)); }
            _ => {}
        }
        let append = to_int(a(args, 2)) & 8 != 0;
        let r = if append {
            use std::io::Write;
            std::fs::OpenOptions::new().append(true).create(true).open(&p).and_then(|mut f| f.write_all(&by(&data)))
        } else {
            std::fs::write(&p, &*by(&data))
        };
        Ok(match r { Ok(_) => Value::Int(bytes::byte_len(&data) as i64), Err(_) => Value::Bool(false) })
    },
    "class_implements" [] => |mc, rt, args| {
        let v = a(args, 0);
        let cls = if is_object(v) { heap::get_field(v, O_CLASS) } else { lookup_class(rt, &st(v)) };
        let Some(cd) = class_data(cls) else { return Ok(Value::Bool(false)) };
        let mut names: Vec<String> = Vec::new();
        for anc in &cd.ancestors {
            let c = lookup_class(rt, anc);
            if let Some(d) = class_data(c) {
                if d.kind == crate::ast::ClassKind::Interface {
                    names.push(d.name.clone());
                }
            }
        }
        names.sort();
        Ok(arr_from_pairs(mc, names.iter().map(|t| (s(mc, t), s(mc, t))).collect()))
    },
    "class_uses" [] => |mc, rt, args| {
        let v = a(args, 0);
        let cls = if is_object(v) { heap::get_field(v, O_CLASS) } else { lookup_class(rt, &st(v)) };
        let Some(cd) = class_data(cls) else { return Ok(Value::Bool(false)) };
        Ok(arr_from_pairs(mc, cd.traits.iter().map(|t| (s(mc, t), s(mc, t))).collect()))
    },
    "get_included_files" [] => |mc, rt, _| {
        let files = heap::dict_entries(rt_field(rt, RT_INCLUDED)).into_iter().map(|(k, _)| k).collect();
        Ok(arr_from_list(mc, files))
    },
    "get_required_files" [] => |mc, rt, _| {
        let files = heap::dict_entries(rt_field(rt, RT_INCLUDED)).into_iter().map(|(k, _)| k).collect();
        Ok(arr_from_list(mc, files))
    },
    "sys_get_temp_dir" [] => |mc, _, _| {
        let d = std::env::temp_dir();
        let d = d.to_string_lossy();
        Ok(s(mc, d.trim_end_matches('/')))
    },
    "file_exists" [] => |_, _, args| Ok(Value::Bool(std::path::Path::new(&str_arg(args, 0)).exists())),
    "is_file" [] => |_, _, args| Ok(Value::Bool(std::path::Path::new(&str_arg(args, 0)).is_file())),
    "is_dir" [] => |_, _, args| Ok(Value::Bool(std::path::Path::new(&str_arg(args, 0)).is_dir())),
    "unlink" [] => |_, _, args| Ok(Value::Bool(std::fs::remove_file(str_arg(args, 0)).is_ok())),
    "file" [] => |mc, _, args| {
        match std::fs::read(str_arg(args, 0)) {
            Ok(b) => {
                let t = bytes_str(&b);
                let flags = to_int(a(args, 1));
                let mut v = Vec::new();
                for l in t.split_inclusive('\n') {
                    let l = if flags & 2 != 0 { l.trim_end_matches('\n').trim_end_matches('\r') } else { l };
                    if flags & 4 != 0 && l.is_empty() { continue; }
                    v.push(s(mc, l));
                }
                Ok(arr_from_list(mc, v))
            }
            Err(_) => Ok(Value::Bool(false)),
        }
    },
    "basename" [] => |mc, _, args| {
        let p = str_arg(args, 0);
        let b = p.trim_end_matches('/').rsplit('/').next().unwrap_or("").to_string();
        let b = if has(args, 1) { b.strip_suffix(&str_arg(args, 1)).map(str::to_string).unwrap_or(b) } else { b };
        Ok(s(mc, &b))
    },
    "dirname" [] => |mc, _, args| {
        let p = str_arg(args, 0);
        let d = match p.trim_end_matches('/').rfind('/') { Some(0) => "/".to_string(), Some(i) => p[..i].to_string(), None => ".".to_string() };
        Ok(s(mc, &d))
    },
    // ---- strings
    "strlen" [] => |mc, _, args| {
        let v = a(args, 0);
        if is_array(v) || is_object(v) { return Err(type_err(mc, "strlen", 1, "string", "string", v)); }
        Ok(Value::Int(bytes::byte_len(&st(v)) as i64))
    },
    "substr_replace" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        let b = by(&t);
        let b: &[u8] = &b;
        let n = b.len() as i64;
        let rep = str_arg(args, 1);
        let start = to_int(a(args, 2));
        let start = if start < 0 { (n + start).max(0) } else { start.min(n) } as usize;
        let len = if has(args, 3) { to_int(a(args, 3)) } else { n };
        let end = if len < 0 { ((n + len) as usize).max(start) } else { (start + len as usize).min(b.len()) };
        let mut out = b[..start].to_vec();
        out.extend_from_slice(&by(&rep));
        out.extend_from_slice(&b[end..]);
        Ok(s(mc, &bytes_str(&out)))
    },
    "substr" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        let len = if has(args, 2) { Some(to_int(a(args, 2))) } else { None };
        Ok(s(mc, &bytes_str(&substr_impl(&by(&t), to_int(a(args, 1)), len))))
    },
    "strpos" [] => |mc, _, args| {
        let (h, n) = (str_arg(args, 0), str_arg(args, 1));
        let off = to_int(a(args, 2));
        let off = if off < 0 { (bytes::byte_len(&h) as i64 + off).max(0) as usize } else { off as usize };
        if off > bytes::byte_len(&h) { return Err(err_str(mc, "ValueError", "strpos(): Argument #3 ($offset) must be contained in argument #1 ($haystack)")); }
        Ok(match strpos_impl(&by(&h), &by(&n), off) { Some(p) => Value::Int(p as i64), None => Value::Bool(false) })
    },
    "stripos" [] => |_, _, args| {
        let (h, n) = (str_arg(args, 0).to_ascii_lowercase(), str_arg(args, 1).to_ascii_lowercase());
        let off = to_int(a(args, 2)).max(0) as usize;
        Ok(match strpos_impl(&by(&h), &by(&n), off) { Some(p) => Value::Int(p as i64), None => Value::Bool(false) })
    },
    "strrpos" [] => |_, _, args| {
        let (h, n) = (str_arg(args, 0), str_arg(args, 1));
        Ok(match h.rfind(n.as_str()) { Some(p) => Value::Int(p as i64), None => Value::Bool(false) })
    },
    "str_contains" [] => |_, _, args| Ok(Value::Bool(str_arg(args, 0).contains(str_arg(args, 1).as_str()))),
    "str_starts_with" [] => |_, _, args| Ok(Value::Bool(str_arg(args, 0).starts_with(str_arg(args, 1).as_str()))),
    "str_ends_with" [] => |_, _, args| Ok(Value::Bool(str_arg(args, 0).ends_with(str_arg(args, 1).as_str()))),
    "strstr" [] => |mc, _, args| {
        let (h, n) = (str_arg(args, 0), str_arg(args, 1));
        Ok(match h.find(n.as_str()) {
            Some(p) => if has(args, 2) && to_bool(a(args, 2)) { s(mc, &h[..p]) } else { s(mc, &h[p..]) },
            None => Value::Bool(false),
        })
    },
    "strrchr" [] => |mc, _, args| {
        let (h, n) = (str_arg(args, 0), str_arg(args, 1));
        let c = n.chars().next().unwrap_or('\0');
        Ok(match h.rfind(c) { Some(p) => s(mc, &h[p..]), None => Value::Bool(false) })
    },
    "substr_count" [] => |_, _, args| {
        let (h, n) = (str_arg(args, 0), str_arg(args, 1));
        Ok(Value::Int(if n.is_empty() { 0 } else { h.matches(n.as_str()).count() as i64 }))
    },
    "str_replace" [3] => |mc, _, args| str_replace_impl(mc, args, false),
    "str_ireplace" [3] => |mc, _, args| str_replace_impl(mc, args, true),
    "str_repeat" [] => |mc, _, args| {
        let n = to_int(a(args, 1));
        if n < 0 { return Err(err_str(mc, "ValueError", "str_repeat(): Argument #2 ($times) must be greater than or equal to 0")); }
        Ok(s(mc, &str_arg(args, 0).repeat(n as usize)))
    },
    "str_pad" [] => |mc, _, args| pad_impl(mc, args),
    "str_split" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        let n = if has(args, 1) { to_int(a(args, 1)) } else { 1 };
        if n < 1 { return Err(err_str(mc, "ValueError", "str_split(): Argument #2 ($length) must be greater than 0")); }
        if t.is_empty() { return Ok(arr_from_list(mc, vec![s(mc, "")])); }
        Ok(arr_from_list(mc, by(&t).chunks(n as usize).map(|c| s(mc, &bytes_str(c))).collect()))
    },
    "strrev" [] => |mc, _, args| {
        let mut b = by(&str_arg(args, 0)).into_owned();
        b.reverse();
        Ok(s(mc, &bytes_str(&b)))
    },
    "strtolower" [] => |mc, _, args| Ok(s(mc, &str_arg(args, 0).to_ascii_lowercase())),
    "strtoupper" [] => |mc, _, args| Ok(s(mc, &str_arg(args, 0).to_ascii_uppercase())),
    "ucfirst" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        let mut c = t.chars();
        Ok(s(mc, &match c.next() { Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(), None => String::new() }))
    },
    "lcfirst" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        let mut c = t.chars();
        Ok(s(mc, &match c.next() { Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(), None => String::new() }))
    },
    "ucwords" [] => |mc, _, args| {
        let d = if has(args, 1) { str_arg(args, 1) } else { " \t\r\n\x0c\x0b".into() };
        Ok(s(mc, &ucwords(&str_arg(args, 0), &d)))
    },
    "trim" [] => |mc, _, args| {
        let cs = trim_chars(args, 1);
        let t = str_arg(args, 0);
        Ok(s(mc, t.trim_matches(|c: char| (c as u32) < 256 && cs.contains(&(c as u8)))))
    },
    "ltrim" [] => |mc, _, args| {
        let cs = trim_chars(args, 1);
        let t = str_arg(args, 0);
        Ok(s(mc, t.trim_start_matches(|c: char| (c as u32) < 256 && cs.contains(&(c as u8)))))
    },
    "rtrim" [] => |mc, _, args| {
        let cs = trim_chars(args, 1);
        let t = str_arg(args, 0);
        Ok(s(mc, t.trim_end_matches(|c: char| (c as u32) < 256 && cs.contains(&(c as u8)))))
    },
    "chop" [] => |mc, _, args| {
        let cs = trim_chars(args, 1);
        let t = str_arg(args, 0);
        Ok(s(mc, t.trim_end_matches(|c: char| (c as u32) < 256 && cs.contains(&(c as u8)))))
    },
    "implode" [] => |mc, _, args| implode_impl(mc, args),
    "join" [] => |mc, _, args| implode_impl(mc, args),
    "explode" [] => |mc, _, args| explode_impl(mc, args),
    "ord" [] => |_, _, args| Ok(Value::Int(by(&str_arg(args, 0)).first().copied().unwrap_or(0) as i64)),
    "chr" [] => |mc, _, args| {
        let c = to_int(a(args, 0)).rem_euclid(256) as u8;
        Ok(s(mc, &bytes_str(&[c])))
    },
    "wordwrap" [] => |mc, _, args| wordwrap_impl(mc, args),
    "nl2br" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        let b = by(&t);
        let b: &[u8] = &b;
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c == b'\r' || c == b'\n' {
                out.extend_from_slice(b"<br />");
                out.push(c);
                if i + 1 < b.len() && (b[i + 1] == b'\r' || b[i + 1] == b'\n') && b[i + 1] != c {
                    out.push(b[i + 1]);
                    i += 1;
                }
            } else {
                out.push(c);
            }
            i += 1;
        }
        Ok(s(mc, &bytes_str(&out)))
    },
    "htmlspecialchars" [] => |mc, _, args| Ok(s(mc, &bytes::substitute_invalid(&str_arg(args, 0)).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#039;"))),
    "addslashes" [] => |mc, _, args| Ok(s(mc, &str_arg(args, 0).replace('\\', "\\\\").replace('\'', "\\'").replace('"', "\\\""))),
    "md5" [] => |mc, _, args| Ok(s(mc, &md5_hex(&by(&str_arg(args, 0))))),
    "crc32" [] => |_, _, args| Ok(Value::Int(crc32(&by(&str_arg(args, 0))) as i64)),
    "strcmp" [] => |_, _, args| Ok(Value::Int(match by(&str_arg(args, 0)).cmp(&by(&str_arg(args, 1))) { std::cmp::Ordering::Less => -1, std::cmp::Ordering::Equal => 0, _ => 1 })),
    "strcasecmp" [] => |_, _, args| Ok(Value::Int(match str_arg(args, 0).to_ascii_lowercase().cmp(&str_arg(args, 1).to_ascii_lowercase()) { std::cmp::Ordering::Less => -1, std::cmp::Ordering::Equal => 0, _ => 1 })),
    "strncasecmp" [] => |_, _, args| {
        let n = to_int(a(args, 2)) as usize;
        let (x, y) = (str_arg(args, 0).to_ascii_lowercase(), str_arg(args, 1).to_ascii_lowercase());
        let (x, y) = (by(&x), by(&y));
        let (x, y) = (&x[..n.min(x.len())], &y[..n.min(y.len())]);
        Ok(Value::Int(match x.cmp(y) { std::cmp::Ordering::Less => -1, std::cmp::Ordering::Equal => 0, _ => 1 }))
    },
    "html_entity_decode" [] => |mc, _, args| Ok(s(mc, &str_arg(args, 0).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#039;", "'").replace("&#39;", "'").replace("&nbsp;", "\u{a0}").replace("&amp;", "&"))),
    "htmlspecialchars_decode" [] => |mc, _, args| Ok(s(mc, &str_arg(args, 0).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#039;", "'").replace("&amp;", "&"))),
    "stripslashes" [] => |mc, _, args| {
        let b = by(&str_arg(args, 0)).into_owned();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\\' {
                i += 1;
                if i < b.len() { out.push(if b[i] == b'0' { 0 } else { b[i] }); }
            } else {
                out.push(b[i]);
            }
            i += 1;
        }
        Ok(s(mc, &bytes_str(&out)))
    },
    "chunk_split" [] => |mc, _, args| {
        let b = by(&str_arg(args, 0)).into_owned();
        let n = if has(args, 1) { to_int(a(args, 1)).max(1) as usize } else { 76 };
        let end = if has(args, 2) { str_arg(args, 2) } else { "\r\n".into() };
        let mut out = Vec::new();
        for c in b.chunks(n) { out.extend_from_slice(c); out.extend_from_slice(&by(&end)); }
        Ok(s(mc, &bytes_str(&out)))
    },
    "strpbrk" [] => |mc, _, args| {
        let (h, cs) = (str_arg(args, 0), str_arg(args, 1));
        let (hb, cb) = (by(&h), by(&cs));
        Ok(match hb.iter().position(|c| cb.contains(c)) { Some(p) => s(mc, &bytes_str(&hb[p..])), None => Value::Bool(false) })
    },
    "stristr" [] => |mc, _, args| {
        let (h, n) = (str_arg(args, 0), str_arg(args, 1));
        let hb = by(&h);
        match strpos_impl(&hb.to_ascii_lowercase(), &by(&n).to_ascii_lowercase(), 0) {
            Some(p) => Ok(s(mc, &bytes_str(if to_bool(a(args, 2)) { &hb[..p] } else { &hb[p..] }))),
            None => Ok(Value::Bool(false)),
        }
    },
    "hex2bin" [] => |mc, _, args| {
        let h = str_arg(args, 0);
        let b = by(&h);
        let b: &[u8] = &b;
        if b.len() % 2 != 0 { return Ok(Value::Bool(false)); }
        let mut out = Vec::new();
        for c in b.chunks(2) {
            match u8::from_str_radix(std::str::from_utf8(c).unwrap_or("zz"), 16) { Ok(x) => out.push(x), Err(_) => return Ok(Value::Bool(false)) }
        }
        Ok(s(mc, &bytes_str(&out)))
    },
    "base64_encode" [] => |mc, _, args| {
        const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let b = by(&str_arg(args, 0)).into_owned();
        let mut out = String::new();
        for c in b.chunks(3) {
            let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
            out.push(T[(n >> 18) as usize & 63] as char);
            out.push(T[(n >> 12) as usize & 63] as char);
            out.push(if c.len() > 1 { T[(n >> 6) as usize & 63] as char } else { '=' });
            out.push(if c.len() > 2 { T[n as usize & 63] as char } else { '=' });
        }
        Ok(s(mc, &out))
    },
    "base64_decode" [] => |mc, _, args| {
        let mut out = Vec::new();
        let (mut acc, mut bits) = (0u32, 0);
        for c in str_arg(args, 0).bytes() {
            let v = match c { b'A'..=b'Z' => c - b'A', b'a'..=b'z' => c - b'a' + 26, b'0'..=b'9' => c - b'0' + 52, b'+' | b'-' => 62, b'/' | b'_' => 63, _ => continue } as u32;
            acc = acc << 6 | v;
            bits += 6;
            if bits >= 8 { bits -= 8; out.push((acc >> bits) as u8); acc &= (1 << bits) - 1; }
        }
        Ok(s(mc, &bytes_str(&out)))
    },
    "urlencode" [] => |mc, _, args| Ok(s(mc, &url_encode(&str_arg(args, 0), true))),
    "rawurlencode" [] => |mc, _, args| Ok(s(mc, &url_encode(&str_arg(args, 0), false))),
    "parse_str" [1] => |mc, _, args| {
        let out = new_array(mc);
        for part in str_arg(args, 0).split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let k = bytes_str(&url_decode(k, true));
            let v = s(mc, &bytes_str(&url_decode(v, true)));
            // `a[x][]=v`: the name, then each bracketed key (empty: append).
            let (name, rest) = match k.find('[') {
                Some(i) if i > 0 && k.contains(']') => (k[..i].to_string(), &k[i..]),
                _ => (k.clone(), ""),
            };
            let mut keys: Vec<String> = Vec::new();
            let mut r = rest;
            while let Some(stripped) = r.strip_prefix('[') {
                let Some(e) = stripped.find(']') else { break };
                keys.push(stripped[..e].to_string());
                r = &stripped[e + 1..];
            }
            let mut cur = out;
            let mut key = norm_key(mc, s(mc, &name)).unwrap_or(Value::Int(0));
            for sub in keys {
                let next = match arr_get(cur, key) {
                    x if is_array(x) => x,
                    _ => {
                        let n = new_array(mc);
                        arr_set(mc, cur, key, n);
                        n
                    }
                };
                cur = next;
                key = if sub.is_empty() {
                    Value::Int(arr_next_key(cur))
                } else {
                    norm_key(mc, s(mc, &sub)).unwrap_or(Value::Int(0))
                };
            }
            arr_set(mc, cur, key, v);
        }
        ret_refs(mc, Value::None, vec![out])
    },
    "urldecode" [] => |mc, _, args| Ok(s(mc, &bytes_str(&url_decode(&str_arg(args, 0), true)))),
    "rawurldecode" [] => |mc, _, args| Ok(s(mc, &bytes_str(&url_decode(&str_arg(args, 0), false)))),
    "mb_strlen" [] => |_, _, args| Ok(Value::Int(str_arg(args, 0).chars().count() as i64)),
    "mb_strtoupper" [] => |mc, _, args| Ok(s(mc, &str_arg(args, 0).to_uppercase())),
    "mb_strtolower" [] => |mc, _, args| Ok(s(mc, &str_arg(args, 0).to_lowercase())),
    "mb_substr" [] => |mc, _, args| {
        let cs: Vec<char> = str_arg(args, 0).chars().collect();
        let n = cs.len() as i64;
        let st_ = to_int(a(args, 1));
        let st_ = if st_ < 0 { (n + st_).max(0) } else { st_.min(n) };
        let len = if has(args, 2) { to_int(a(args, 2)) } else { n };
        let end = if len < 0 { (n + len).max(st_) } else { (st_ + len).min(n) };
        Ok(s(mc, &cs[st_ as usize..end as usize].iter().collect::<String>()))
    },
    "strspn" [] => |_, _, args| { let (h, m) = (str_arg(args, 0), str_arg(args, 1)); Ok(Value::Int(by(&h).iter().take_while(|c| by(&m).contains(c)).count() as i64)) },
    "strcspn" [] => |_, _, args| { let (h, m) = (str_arg(args, 0), str_arg(args, 1)); Ok(Value::Int(by(&h).iter().take_while(|c| !by(&m).contains(c)).count() as i64)) },
    "is_countable" [] => |_, _, args| Ok(Value::Bool(is_array(a(args, 0)))),
    "get_class_methods" [] => |mc, rt, args| {
        let v = a(args, 0);
        let cls = if is_object(v) { heap::get_field(v, O_CLASS) } else { lookup_class(rt, &st(v)) };
        let mut out = Vec::new();
        if let Value::Dict(_) = class_const(cls, C_METHODS) {
            for (_, m) in heap::dict_entries(class_const(cls, C_METHODS)) {
                if let Some(fd) = func_data(m) { out.push(s(mc, &fd.proto.fname)); }
            }
        }
        Ok(arr_from_list(mc, out))
    },
    "strncmp" [] => |_, _, args| {
        let n = to_int(a(args, 2)) as usize;
        let (x, y) = (str_arg(args, 0), str_arg(args, 1));
        let (x, y) = (by(&x), by(&y));
        let (x, y) = (&x[..n.min(x.len())], &y[..n.min(y.len())]);
        Ok(Value::Int(match x.cmp(y) { std::cmp::Ordering::Less => -1, std::cmp::Ordering::Equal => 0, _ => 1 }))
    },
    "strnatcmp" [] => |_, _, args| Ok(Value::Int(natcmp(&str_arg(args, 0), &str_arg(args, 1), false))),
    "strnatcasecmp" [] => |_, _, args| Ok(Value::Int(natcmp(&str_arg(args, 0), &str_arg(args, 1), true))),
    "similar_text" [] => |_, _, args| Ok(Value::Int(similar(&by(&str_arg(args, 0)), &by(&str_arg(args, 1))) as i64)),
    "levenshtein" [] => |_, _, args| Ok(Value::Int(levenshtein(&by(&str_arg(args, 0)), &by(&str_arg(args, 1))) as i64)),
    "str_word_count" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        let b = by(&t);
        let b: &[u8] = &b;
        // Words: letters, `'` and `-` (php: a leading `-` or `'`, or a trailing `-`, is not part of a word).
        let mut words: Vec<(usize, String)> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let is_w = |c: u8| c.is_ascii_alphabetic() || c == b'\'' || c == b'-';
            if is_w(b[i]) && b[i] != b'-' && b[i] != b'\'' || (b[i] == b'\'' && i > 0 && b[i - 1].is_ascii_alphabetic()) {
                let start = i;
                while i < b.len() && is_w(b[i]) { i += 1; }
                let mut end = i;
                while end > start && b[end - 1] == b'-' { end -= 1; }
                words.push((start, t[start..end].to_string()));
            } else {
                i += 1;
            }
        }
        Ok(match to_int(a(args, 1)) {
            1 => arr_from_list(mc, words.into_iter().map(|(_, w)| s(mc, &w)).collect()),
            2 => arr_from_pairs(mc, words.into_iter().map(|(p, w)| (Value::Int(p as i64), s(mc, &w))).collect()),
            _ => Value::Int(words.len() as i64),
        })
    },
    "count_chars" [] => |mc, _, args| {
        let mut counts = [0i64; 256];
        for &c in by(&str_arg(args, 0)).iter() { counts[c as usize] += 1; }
        let mode = to_int(a(args, 1));
        Ok(arr_from_pairs(mc, (0..256).filter(|&c| mode == 0 || counts[c] > 0).map(|c| (Value::Int(c as i64), Value::Int(counts[c]))).collect()))
    },
    "ctype_digit" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(t) if !t.as_str().is_empty() && t.as_str().bytes().all(|b| b.is_ascii_digit())))),
    "ctype_alpha" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(t) if !t.as_str().is_empty() && t.as_str().bytes().all(|b| b.is_ascii_alphabetic())))),
    "ctype_alnum" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(t) if !t.as_str().is_empty() && t.as_str().bytes().all(|b| b.is_ascii_alphanumeric())))),
    "ctype_upper" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(t) if !t.as_str().is_empty() && t.as_str().bytes().all(|b| b.is_ascii_uppercase())))),
    "ctype_lower" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(t) if !t.as_str().is_empty() && t.as_str().bytes().all(|b| b.is_ascii_lowercase())))),
    "ctype_space" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(t) if !t.as_str().is_empty() && t.as_str().bytes().all(|b| b.is_ascii_whitespace())))),
    "ctype_punct" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(t) if !t.as_str().is_empty() && t.as_str().bytes().all(|b| b.is_ascii_punctuation())))),
    "ctype_xdigit" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(t) if !t.as_str().is_empty() && t.as_str().bytes().all(|b| b.is_ascii_hexdigit())))),
    "dechex" [] => |mc, _, args| Ok(radix_str(mc, int_arg(args, 0), 4)),
    "hexdec" [] => |_, _, args| Ok(Value::Int(i64::from_str_radix(&str_arg(args, 0).chars().filter(|c| c.is_ascii_hexdigit()).collect::<String>(), 16).unwrap_or(0))),
    "decbin" [] => |mc, _, args| Ok(radix_str(mc, int_arg(args, 0), 1)),
    "bindec" [] => |_, _, args| Ok(Value::Int(i64::from_str_radix(&str_arg(args, 0).chars().filter(|c| *c == '0' || *c == '1').collect::<String>(), 2).unwrap_or(0))),
    "decoct" [] => |mc, _, args| Ok(radix_str(mc, int_arg(args, 0), 3)),
    "octdec" [] => |_, _, args| Ok(Value::Int(i64::from_str_radix(&str_arg(args, 0).chars().filter(|c| ('0'..='7').contains(c)).collect::<String>(), 8).unwrap_or(0))),
    "base_convert" [] => |mc, _, args| {
        let v = intval_base(&str_arg(args, 0).to_ascii_lowercase(), to_int(a(args, 1)));
        let to = to_int(a(args, 2)) as u32;
        let mut n = v as u64;
        let mut out = Vec::new();
        if n == 0 { out.push('0'); }
        while n > 0 { out.push(std::char::from_digit((n % to as u64) as u32, to).unwrap_or('0')); n /= to as u64; }
        out.reverse();
        Ok(s(mc, &out.into_iter().collect::<String>()))
    },
    "str_word_split" [] => |mc, _, _| Ok(new_array(mc)),
    "uniqid" [] => |mc, _, _| Ok(s(mc, "5f0c8e4a1b2c3")),
    "lcg_value" [] => |_, _, _| Ok(Value::Float(mt_range(0, i32::MAX as i64) as f64 / i32::MAX as f64)),
    "bin2hex" [] => |mc, _, args| Ok(s(mc, &by(&str_arg(args, 0)).iter().map(|b| format!("{:02x}", b)).collect::<String>())),
    "strtr" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        if args.len() == 2 && is_array(a(args, 1)) {
            let mut pairs: Vec<(String, String)> = arr_entries(a(args, 1)).into_iter().map(|(k, v)| (st(k), st(v))).filter(|(k, _)| !k.is_empty()).collect();
            pairs.sort_by(|x, y| y.0.len().cmp(&x.0.len()));
            let pairs: Vec<(Vec<u8>, Vec<u8>)> = pairs.iter().map(|(k, v)| (by(k).into_owned(), by(v).into_owned())).collect();
            let mut out: Vec<u8> = Vec::new();
            let mut i = 0;
            let b = by(&t);
            let b: &[u8] = &b;
            'outer: while i < b.len() {
                for (k, v) in &pairs {
                    if b[i..].starts_with(k) { out.extend_from_slice(v); i += k.len(); continue 'outer; }
                }
                out.push(b[i]);
                i += 1;
            }
            return Ok(s(mc, &bytes_str(&out)));
        }
        let (from, to) = (str_arg(args, 1), str_arg(args, 2));
        let (fb, tb) = (by(&from), by(&to));
        let n = fb.len().min(tb.len());
        let out: Vec<u8> = by(&t).iter().map(|&c| match fb[..n].iter().rposition(|&x| x == c) { Some(p) => tb[p], None => c }).collect();
        Ok(s(mc, &bytes_str(&out)))
    },
    "sha1" [] => |mc, _, args| Ok(s(mc, &sha1_hex(&by(&str_arg(args, 0))))),
    "nl_langinfo" [] => |mc, _, _| Ok(s(mc, "")),
    "str_shuffle" [] => |mc, _, args| {
        let mut b = by(&str_arg(args, 0)).into_owned();
        let n = b.len();
        if n > 1 {
            let mut left = n - 1;
            while left > 0 { let j = mt_range(0, left as i64) as usize; b.swap(left, j); left -= 1; }
        }
        Ok(s(mc, &bytes_str(&b)))
    },
    // ---- arrays
    "count" [] => |mc, _, args| {
        let v = a(args, 0);
        if is_array(v) { return Ok(Value::Int(count_rec(v, to_int(a(args, 1)) == 1))); }
        if is_object(v) { return Err(err_str(mc, "TypeError", &format!("count(): Argument #1 ($value) must be of type Countable|array, {} given", class_name_of(v)))); }
        Err(err_str(mc, "TypeError", &format!("count(): Argument #1 ($value) must be of type Countable|array, {} given", type_name(v))))
    },
    "sizeof" [] => |_, _, args| Ok(Value::Int(if is_array(a(args, 0)) { arr_len(a(args, 0)) } else { 1 })),
    "array_push" [0] => |mc, _, args| {
        let arr = own_array(mc, a(args, 0));
        for v in &args[1..] { share(mc, *v); arr_push(mc, arr, deref(*v))?; }
        ret_refs(mc, Value::Int(arr_len(arr)), vec![arr])
    },
    "array_pop" [0] => |mc, _, args| {
        let v = a(args, 0);
        if !is_array(v) { return ret_refs(mc, Value::None, vec![v]); }
        let arr = own_array(mc, v);
        let e = arr_raw_entries(arr);
        match e.last() {
            Some((k, x)) => {
                arr_remove(mc, arr, *k);
                let next = e[..e.len() - 1].iter().filter_map(|(k, _)| if let Value::Int(i) = k { Some(*i + 1) } else { None }).max().unwrap_or(0);
                heap::set_field(mc, arr, A_NEXT, Value::Int(next));
                ret_refs(mc, deref(*x), vec![arr])
            }
            None => ret_refs(mc, Value::None, vec![arr]),
        }
    },
    "array_shift" [0] => |mc, _, args| {
        let v = a(args, 0);
        if !is_array(v) { return ret_refs(mc, Value::None, vec![v]); }
        let e = arr_entries(v);
        if e.is_empty() { return ret_refs(mc, Value::None, vec![v]); }
        let out = new_array(mc);
        for (k, x) in e.iter().skip(1) {
            match k { Value::Int(_) => { arr_push(mc, out, *x)?; } k => arr_set(mc, out, *k, *x) }
        }
        ret_refs(mc, e[0].1, vec![out])
    },
    "array_unshift" [0] => |mc, _, args| {
        let v = a(args, 0);
        let out = new_array(mc);
        for x in &args[1..] { arr_push(mc, out, deref(*x))?; }
        if is_array(v) {
            for (k, x) in arr_entries(v) {
                match k { Value::Int(_) => { arr_push(mc, out, x)?; } k => arr_set(mc, out, k, x) }
            }
        }
        ret_refs(mc, Value::Int(arr_len(out)), vec![out])
    },
    "array_keys" [] => |mc, _, args| {
        let arr = need_array(mc, "array_keys", 1, "array", a(args, 0))?;
        let keys: Vec<Value> = if has(args, 1) {
            let needle = a(args, 1);
            let strict = to_bool(a(args, 2));
            arr_entries(arr).into_iter().filter(|(_, v)| if strict { identical(*v, needle) } else { loose_eq(*v, needle) }).map(|(k, _)| k).collect()
        } else {
            arr_entries(arr).into_iter().map(|(k, _)| k).collect()
        };
        Ok(arr_from_list(mc, keys))
    },
    "array_values" [] => |mc, _, args| {
        let arr = need_array(mc, "array_values", 1, "array", a(args, 0))?;
        let v = arr_values(arr);
        for x in &v { share(mc, *x); }
        Ok(arr_from_list(mc, v))
    },
    "array_merge" [] => |mc, _, args| {
        let out = new_array(mc);
        for (i, x) in args.iter().enumerate() {
            let x = deref(*x);
            let x = need_array(mc, "array_merge", i + 1, "arrays", x)?;
            for (k, v) in arr_entries(x) {
                share(mc, v);
                match k { Value::Int(_) => { arr_push(mc, out, v)?; } k => arr_set(mc, out, k, v) }
            }
        }
        Ok(out)
    },
    "array_replace" [] => |mc, _, args| {
        let out = new_array(mc);
        for (i, x) in args.iter().enumerate() {
            let x = need_array(mc, "array_replace", i + 1, "arrays", deref(*x))?;
            for (k, v) in arr_entries(x) {
                share(mc, v);
                arr_set(mc, out, k, v);
            }
        }
        Ok(out)
    },
    "array_merge_recursive" [] => |mc, _, args| {
        let out = new_array(mc);
        for x in args {
            let x = deref(*x);
            if !is_array(x) { continue; }
            for (k, v) in arr_entries(x) {
                match k {
                    Value::Int(_) => { arr_push(mc, out, v)?; }
                    k => {
                        let cur = arr_get(out, k);
                        if let Value::Absent = cur { arr_set(mc, out, k, v); }
                        else {
                            let m = new_array(mc);
                            for y in [cur, v] {
                                if is_array(y) { for (kk, yy) in arr_entries(y) { match kk { Value::Int(_) => { arr_push(mc, m, yy)?; } kk => arr_set(mc, m, kk, yy) } } }
                                else { arr_push(mc, m, y)?; }
                            }
                            arr_set(mc, out, k, m);
                        }
                    }
                }
            }
        }
        Ok(out)
    },
    "array_combine" [] => |mc, _, args| {
        let (k, v) = (arr_values(a(args, 0)), arr_values(a(args, 1)));
        if k.len() != v.len() { return Err(err_str(mc, "ValueError", "array_combine(): Argument #1 ($keys) and argument #2 ($values) must have the same number of elements")); }
        let out = new_array(mc);
        for (kk, vv) in k.into_iter().zip(v) { let kk = norm_key(mc, kk)?; arr_set(mc, out, kk, vv); }
        Ok(out)
    },
    "array_slice" [] => |mc, _, args| array_slice_impl(mc, args),
    "array_splice" [0] => |mc, _, args| array_splice_impl(mc, args),
    "array_sum" [] => |mc, _, args| {
        let mut acc = Value::Int(0);
        for v in arr_values(need_array(mc, "array_sum", 1, "array", a(args, 0))?) {
            acc = crate::ops::num_arith(mc, crate::bytecode::BinOp::Add, to_number(acc).0, to_number(v).0)?;
        }
        Ok(acc)
    },
    "array_product" [] => |mc, _, args| {
        let mut acc = Value::Int(1);
        for v in arr_values(need_array(mc, "array_product", 1, "array", a(args, 0))?) {
            acc = crate::ops::num_arith(mc, crate::bytecode::BinOp::Mul, to_number(acc).0, to_number(v).0)?;
        }
        Ok(acc)
    },
    "array_reverse" [] => |mc, _, args| {
        let arr = need_array(mc, "array_reverse", 1, "array", a(args, 0))?;
        let preserve = to_bool(a(args, 1));
        let out = new_array(mc);
        for (k, v) in arr_entries(arr).into_iter().rev() {
            share(mc, v);
            match k { Value::Int(_) if !preserve => { arr_push(mc, out, v)?; } k => arr_set(mc, out, k, v) }
        }
        Ok(out)
    },
    "array_search" [] => |mc, _, args| {
        let needle = a(args, 0);
        let strict = to_bool(a(args, 2));
        for (k, v) in arr_entries(need_array(mc, "array_search", 2, "haystack", a(args, 1))?) {
            if if strict { identical(v, needle) } else { loose_eq(v, needle) } { return Ok(k); }
        }
        Ok(Value::Bool(false))
    },
    "in_array" [] => |mc, _, args| {
        let needle = a(args, 0);
        let strict = to_bool(a(args, 2));
        for v in arr_values(need_array(mc, "in_array", 2, "haystack", a(args, 1))?) {
            if if strict { identical(v, needle) } else { loose_eq(v, needle) } { return Ok(Value::Bool(true)); }
        }
        Ok(Value::Bool(false))
    },
    "array_key_exists" [] => |mc, _, args| {
        let arr = a(args, 1);
        if is_object(arr) { return Ok(Value::Bool(!matches!(heap::dict_get(heap::get_field(arr, O_PROPS), s(mc, &st(a(args, 0)))), Value::Absent))); }
        let k = norm_key(mc, a(args, 0))?;
        Ok(Value::Bool(!matches!(arr_slot(need_array(mc, "array_key_exists", 2, "array", arr)?, k), Value::Absent)))
    },
    "key_exists" [] => |mc, _, args| {
        let k = norm_key(mc, a(args, 0))?;
        Ok(Value::Bool(!matches!(arr_slot(a(args, 1), k), Value::Absent)))
    },
    "array_key_first" [] => |_, _, args| Ok(arr_entry_at(a(args, 0), 0).map(|(k, _)| k).unwrap_or(Value::None)),
    "array_key_last" [] => |_, _, args| {
        let n = arr_len(a(args, 0));
        Ok(if n == 0 { Value::None } else { arr_entry_at(a(args, 0), n as usize - 1).map(|(k, _)| k).unwrap_or(Value::None) })
    },
    "array_is_list" [] => |_, _, args| Ok(Value::Bool(arr_entries(a(args, 0)).iter().enumerate().all(|(i, (k, _))| matches!(k, Value::Int(j) if *j == i as i64)))),
    "range" [] => |mc, _, args| range_impl(mc, args),
    "array_fill" [] => |mc, _, args| {
        let start = to_int(a(args, 0));
        let n = to_int(a(args, 1));
        if n < 0 { return Err(err_str(mc, "ValueError", "array_fill(): Argument #2 ($count) must be greater than or equal to 0")); }
        let v = a(args, 2);
        let out = new_array(mc);
        for i in 0..n { share(mc, v); arr_set(mc, out, Value::Int(start + i), v); }
        Ok(out)
    },
    "array_fill_keys" [] => |mc, _, args| {
        let out = new_array(mc);
        let v = a(args, 1);
        for k in arr_values(a(args, 0)) { let k = norm_key(mc, k)?; share(mc, v); arr_set(mc, out, k, v); }
        Ok(out)
    },
    "array_pad" [] => |mc, _, args| {
        let arr = a(args, 0);
        let n = to_int(a(args, 1));
        let v = a(args, 2);
        let vals = arr_values(arr);
        let len = vals.len() as i64;
        if n.abs() <= len { return Ok(arr); }
        let mut out = Vec::new();
        if n > 0 { out.extend(vals); for _ in len..n { out.push(v); } } else { for _ in len..-n { out.push(v); } out.extend(vals); }
        Ok(arr_from_list(mc, out))
    },
    "array_flip" [] => |mc, _, args| {
        let out = new_array(mc);
        for (k, v) in arr_entries(a(args, 0)) { let v = norm_key(mc, v)?; arr_set(mc, out, v, k); }
        Ok(out)
    },
    "array_unique" [] => |mc, _, args| {
        let out = new_array(mc);
        let mut seen: Vec<Value> = Vec::new();
        for (k, v) in arr_entries(a(args, 0)) {
            if seen.iter().any(|x| loose_eq(*x, v) && st(*x) == st(v)) { continue; }
            seen.push(v);
            arr_set(mc, out, k, v);
        }
        Ok(out)
    },
    "array_count_values" [] => |mc, _, args| {
        let out = new_array(mc);
        for v in arr_values(a(args, 0)) {
            let k = norm_key(mc, v)?;
            let c = arr_get(out, k);
            arr_set(mc, out, k, Value::Int(if let Value::Int(i) = c { i + 1 } else { 1 }));
        }
        Ok(out)
    },
    "array_column" [] => array_column,
    "array_chunk" [] => |mc, _, args| {
        let n = to_int(a(args, 1));
        if n < 1 { return Err(err_str(mc, "ValueError", "array_chunk(): Argument #2 ($length) must be greater than 0")); }
        let preserve = to_bool(a(args, 2));
        let out = new_array(mc);
        let mut cur = new_array(mc);
        let mut c = 0;
        for (k, v) in arr_entries(a(args, 0)) {
            if preserve { arr_set(mc, cur, k, v); } else { arr_push(mc, cur, v)?; }
            c += 1;
            if c == n { arr_push(mc, out, cur)?; cur = new_array(mc); c = 0; }
        }
        if c > 0 { arr_push(mc, out, cur)?; }
        Ok(out)
    },
    "array_diff" [] => |mc, _, args| {
        let out = new_array(mc);
        let others: Vec<String> = args[1..].iter().flat_map(|x| arr_values(deref(*x))).map(st).collect();
        for (k, v) in arr_entries(a(args, 0)) { if !others.contains(&st(v)) { arr_set(mc, out, k, v); } }
        Ok(out)
    },
    "array_diff_key" [] => |mc, _, args| {
        let out = new_array(mc);
        for (k, v) in arr_entries(a(args, 0)) {
            if !args[1..].iter().any(|x| !matches!(arr_slot(deref(*x), k), Value::Absent)) { arr_set(mc, out, k, v); }
        }
        Ok(out)
    },
    "array_diff_assoc" [] => |mc, _, args| {
        let out = new_array(mc);
        for (k, v) in arr_entries(a(args, 0)) {
            if !args[1..].iter().any(|x| { let w = arr_get(deref(*x), k); !matches!(w, Value::Absent) && st(w) == st(v) }) { arr_set(mc, out, k, v); }
        }
        Ok(out)
    },
    "array_intersect" [] => |mc, _, args| {
        let out = new_array(mc);
        for (k, v) in arr_entries(a(args, 0)) {
            if args[1..].iter().all(|x| arr_values(deref(*x)).iter().any(|w| st(*w) == st(v))) { arr_set(mc, out, k, v); }
        }
        Ok(out)
    },
    "array_intersect_key" [] => |mc, _, args| {
        let out = new_array(mc);
        for (k, v) in arr_entries(a(args, 0)) {
            if args[1..].iter().all(|x| !matches!(arr_slot(deref(*x), k), Value::Absent)) { arr_set(mc, out, k, v); }
        }
        Ok(out)
    },
    "array_flip_keys" [] => |mc, _, _| Ok(new_array(mc)),
    "natsort" [0] => |mc, _, args| do_sort(mc, &[a(args, 0), Value::Int(6)], false, true, false),
    "natcasesort" [0] => |mc, _, args| do_sort(mc, &[a(args, 0), Value::Int(14)], false, true, false),
    "sort" [0] => |mc, _, args| do_sort(mc, args, false, false, false),
    "rsort" [0] => |mc, _, args| do_sort(mc, args, false, false, true),
    "asort" [0] => |mc, _, args| do_sort(mc, args, false, true, false),
    "arsort" [0] => |mc, _, args| do_sort(mc, args, false, true, true),
    "ksort" [0] => |mc, _, args| do_sort(mc, args, true, true, false),
    "krsort" [0] => |mc, _, args| do_sort(mc, args, true, true, true),
    "shuffle" [0] => |mc, _, args| {
        let mut v = arr_values(a(args, 0));
        let n = v.len();
        if n > 1 {
            let mut left = n - 1;
            while left > 0 { let j = mt_range(0, left as i64) as usize; v.swap(left, j); left -= 1; }
        }
        ret_refs(mc, Value::Bool(true), vec![arr_from_list(mc, v)])
    },
    "array_rand" [] => |mc, _, args| {
        let e = arr_entries(a(args, 0));
        let n = if has(args, 1) { to_int(a(args, 1)) } else { 1 };
        let avail = e.len() as i64;
        if avail == 0 { return Err(err_str(mc, "ValueError", "array_rand(): Argument #1 ($array) cannot be empty")); }
        if n <= 0 || n > avail { return Err(err_str(mc, "ValueError", "array_rand(): Argument #2 ($num) must be between 1 and the number of elements in argument #1 ($array)")); }
        if n == 1 { let i = mt_range(0, avail - 1) as usize; return Ok(e[i].0); }
        // php's algorithm: a bitset of picked positions (or of excluded ones when picking most).
        let (negative, mut need) = if n > avail >> 1 { (true, avail - n) } else { (false, n) };
        let mut bits = vec![false; e.len()];
        while need > 0 {
            let r = mt_range(0, avail - 1) as usize;
            if !bits[r] { bits[r] = true; need -= 1; }
        }
        let keys: Vec<Value> = e.iter().enumerate().filter(|(i, _)| bits[*i] ^ negative).map(|(_, (k, _))| *k).collect();
        Ok(arr_from_list(mc, keys))
    },
    "compact_fallback" [] => |mc, _, _| Ok(new_array(mc)),
    "current" [] => |_, _, args| Ok(arr_entry_at(a(args, 0), 0).map(|(_, v)| deref(v)).unwrap_or(Value::Bool(false))),
    "reset" [0] => |mc, _, args| ret_refs(mc, arr_entry_at(a(args, 0), 0).map(|(_, v)| deref(v)).unwrap_or(Value::Bool(false)), vec![a(args, 0)]),
    "end" [0] => |mc, _, args| {
        let n = arr_len(a(args, 0));
        ret_refs(mc, if n == 0 { Value::Bool(false) } else { arr_entry_at(a(args, 0), n as usize - 1).map(|(_, v)| deref(v)).unwrap_or(Value::Bool(false)) }, vec![a(args, 0)])
    },
    "key" [] => |_, _, args| Ok(arr_entry_at(a(args, 0), 0).map(|(k, _)| k).unwrap_or(Value::None)),
    "get_object_vars" [] => |mc, _, args| {
        let o = a(args, 0);
        let out = new_array(mc);
        if is_object(o) {
            for (k, v) in heap::dict_entries(heap::get_field(o, O_PROPS)) { let k = norm_key(mc, k).unwrap_or(k); share(mc, deref(v)); arr_set(mc, out, k, deref(v)); }
        }
        Ok(out)
    },
    // ---- math
    "abs" [] => |_, _, args| Ok(match a(args, 0) { Value::Int(i) => if i == i64::MIN { Value::Float(-(i as f64)) } else { Value::Int(i.abs()) }, v => match to_number(v).0 { NumVal::I(i) => Value::Int(i.abs()), NumVal::F(f) => Value::Float(f.abs()) } }),
    "floor" [] => |_, _, args| fl(to_float(a(args, 0)).floor()),
    "ceil" [] => |_, _, args| fl(to_float(a(args, 0)).ceil()),
    "round" [] => |_, _, args| fl(php_round(to_float(a(args, 0)), to_int(a(args, 1)))),
    "sqrt" [] => |_, _, args| fl(to_float(a(args, 0)).sqrt()),
    "pow" [] => |mc, _, args| crate::ops::arith(mc, crate::bytecode::BinOp::Pow, a(args, 0), a(args, 1), &loc()),
    "intdiv" [] => |mc, _, args| {
        let (x, y) = (to_int(a(args, 0)), to_int(a(args, 1)));
        if y == 0 { return Err(err_str(mc, "DivisionByZeroError", "Division by zero")); }
        if x == i64::MIN && y == -1 { return Err(err_str(mc, "ArithmeticError", "Division of PHP_INT_MIN by -1 is not an integer")); }
        Ok(Value::Int(x / y))
    },
    "fmod" [] => |_, _, args| fl(to_float(a(args, 0)) % to_float(a(args, 1))),
    "fdiv" [] => |_, _, args| fl(to_float(a(args, 0)) / to_float(a(args, 1))),
    "min" [] => |mc, _, args| min_max(mc, args, false, "min"),
    "max" [] => |mc, _, args| min_max(mc, args, true, "max"),
    "pi" [] => |_, _, _| fl(std::f64::consts::PI),
    "sin" [] => |_, _, args| fl(to_float(a(args, 0)).sin()),
    "cos" [] => |_, _, args| fl(to_float(a(args, 0)).cos()),
    "tan" [] => |_, _, args| fl(to_float(a(args, 0)).tan()),
    "asin" [] => |_, _, args| fl(to_float(a(args, 0)).asin()),
    "acos" [] => |_, _, args| fl(to_float(a(args, 0)).acos()),
    "atan" [] => |_, _, args| fl(to_float(a(args, 0)).atan()),
    "atan2" [] => |_, _, args| fl(to_float(a(args, 0)).atan2(to_float(a(args, 1)))),
    "sinh" [] => |_, _, args| fl(to_float(a(args, 0)).sinh()),
    "cosh" [] => |_, _, args| fl(to_float(a(args, 0)).cosh()),
    "tanh" [] => |_, _, args| fl(to_float(a(args, 0)).tanh()),
    "exp" [] => |_, _, args| fl(to_float(a(args, 0)).exp()),
    "log" [] => |_, _, args| { let x = to_float(a(args, 0)); fl(if has(args, 1) { x.ln() / to_float(a(args, 1)).ln() } else { x.ln() }) },
    "log10" [] => |_, _, args| fl(to_float(a(args, 0)).log10()),
    "log2" [] => |_, _, args| fl(to_float(a(args, 0)).log2()),
    "hypot" [] => |_, _, args| fl(to_float(a(args, 0)).hypot(to_float(a(args, 1)))),
    "deg2rad" [] => |_, _, args| fl(to_float(a(args, 0)).to_radians()),
    "rad2deg" [] => |_, _, args| fl(to_float(a(args, 0)).to_degrees()),
    "is_nan" [] => |_, _, args| Ok(Value::Bool(to_float(a(args, 0)).is_nan())),
    "is_infinite" [] => |_, _, args| Ok(Value::Bool(to_float(a(args, 0)).is_infinite())),
    "is_finite" [] => |_, _, args| Ok(Value::Bool(to_float(a(args, 0)).is_finite())),
    "mt_srand" [] => |_, _, args| { let seed = if has(args, 0) { to_int(a(args, 0)) as u32 } else { 0 }; MT.with(|m| m.borrow_mut().seed(seed)); Ok(Value::None) },
    "srand" [] => |_, _, args| { let seed = if has(args, 0) { to_int(a(args, 0)) as u32 } else { 0 }; MT.with(|m| m.borrow_mut().seed(seed)); Ok(Value::None) },
    "mt_rand" [] => |mc, _, args| {
        if !has(args, 0) { return Ok(Value::Int((MT.with(|m| m.borrow_mut().next32()) >> 1) as i64)); }
        let (lo, hi) = (to_int(a(args, 0)), to_int(a(args, 1)));
        if hi < lo { return Err(err_str(mc, "ValueError", "mt_rand(): Argument #2 ($max) must be greater than or equal to argument #1 ($min)")); }
        Ok(Value::Int(mt_range(lo, hi)))
    },
    "rand" [] => |_, _, args| {
        if !has(args, 0) { return Ok(Value::Int((MT.with(|m| m.borrow_mut().next32()) >> 1) as i64)); }
        let (lo, hi) = (to_int(a(args, 0)), to_int(a(args, 1)));
        Ok(Value::Int(if hi < lo { mt_range(hi, lo) } else { mt_range(lo, hi) }))
    },
    "random_int" [] => |_, _, args| Ok(Value::Int(mt_range(to_int(a(args, 0)), to_int(a(args, 1))))),
    "mt_getrandmax" [] => |_, _, _| Ok(Value::Int(2147483647)),
    "getrandmax" [] => |_, _, _| Ok(Value::Int(2147483647)),
    // ---- types
    "is_int" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Int(_)))),
    "is_integer" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Int(_)))),
    "is_long" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Int(_)))),
    "is_float" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Float(_)))),
    "is_double" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Float(_)))),
    "is_string" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Str(_)))),
    "is_bool" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Bool(_)))),
    "is_array" [] => |_, _, args| Ok(Value::Bool(is_array(a(args, 0)))),
    "is_object" [] => |_, _, args| Ok(Value::Bool(is_object(a(args, 0)))),
    "is_null" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::None | Value::Absent))),
    "is_numeric" [] => |_, _, args| Ok(Value::Bool(match a(args, 0) { Value::Int(_) | Value::Float(_) => true, Value::Str(t) => matches!(parse_numeric(t.as_str()), Some((_, true))), _ => false })),
    "is_scalar" [] => |_, _, args| Ok(Value::Bool(matches!(a(args, 0), Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Bool(_)))),
    "is_iterable" [] => |_, _, args| Ok(Value::Bool(is_array(a(args, 0)))),
    "is_callable" [] => |_, rt, args| {
        let v = a(args, 0);
        Ok(Value::Bool(match v {
            Value::Str(t) => match t.as_str().split_once("::") {
                Some((c, m)) => matches!(find_method(lookup_class(rt, c), &m.to_ascii_lowercase()), Value::Code(_)),
                None => { let l = t.as_str().to_ascii_lowercase(); lookup(&l).is_some() || matches!(dict_get_str(rt_field(rt, RT_FUNCS), &l), Value::Code(_)) }
            },
            _ if is_object(v) => class_name_of(v) == "Closure" || matches!(find_method(heap::get_field(v, O_CLASS), "__invoke"), Value::Code(_)),
            _ if is_array(v) && arr_len(v) == 2 => {
                let vals = arr_values(v);
                let (o, m) = (deref(vals[0]), deref(vals[1]));
                let cls = if is_object(o) { heap::get_field(o, O_CLASS) } else { lookup_class(rt, &st(o)) };
                let m = st(m).to_ascii_lowercase();
                matches!(find_method(cls, &m), Value::Code(_))
                    || (is_object(o) && matches!(find_method(cls, "__call"), Value::Code(_)))
                    || (!is_object(o) && matches!(find_method(cls, "__callstatic"), Value::Code(_)))
            }
            _ => false,
        }))
    },
    "intval" [] => |_, _, args| {
        let v = a(args, 0);
        if has(args, 1) { if let Value::Str(t) = v { return Ok(Value::Int(intval_base(t.as_str(), to_int(a(args, 1))))); } }
        Ok(Value::Int(to_int(v)))
    },
    "floatval" [] => |_, _, args| fl(to_float(a(args, 0))),
    "doubleval" [] => |_, _, args| fl(to_float(a(args, 0))),
    "boolval" [] => |_, _, args| Ok(Value::Bool(to_bool(a(args, 0)))),
    "gettype" [] => |mc, _, args| Ok(s(mc, gettype(a(args, 0)))),
    "get_debug_type" [] => |mc, _, args| { let v = a(args, 0); Ok(s(mc, &if is_object(v) { class_name_of(v) } else { type_name(v).to_string() })) },
    "settype" [0] => |mc, _, args| {
        let v = a(args, 0);
        match settype_impl(mc, v, &str_arg(args, 1).to_ascii_lowercase()) {
            Some(n) => ret_refs(mc, Value::Bool(true), vec![n]),
            None => Err(err_str(mc, "ValueError", "settype(): Argument #2 ($type) must be a valid type")),
        }
    },
    "get_class" [] => |mc, _, args| {
        let v = a(args, 0);
        if !is_object(v) { return Err(type_err(mc, "get_class", 1, "object", "object", v)); }
        Ok(s(mc, &class_name_of(v)))
    },
    "get_parent_class" [] => |mc, _, args| {
        let v = a(args, 0);
        let cls = if is_object(v) { heap::get_field(v, O_CLASS) } else { Value::None };
        let p = class_const(cls, C_PARENT);
        Ok(match class_data(p) { Some(d) => s(mc, &d.name), None => Value::Bool(false) })
    },
    "method_exists" [] => |_, rt, args| {
        let v = a(args, 0);
        let cls = if is_object(v) { heap::get_field(v, O_CLASS) } else { lookup_class(rt, &st(v)) };
        Ok(Value::Bool(matches!(find_method(cls, &str_arg(args, 1).to_ascii_lowercase()), Value::Code(_))))
    },
    "property_exists" [] => |_, rt, args| {
        let v = a(args, 0);
        let name = str_arg(args, 1);
        if is_object(v) && !matches!(dict_get_str(heap::get_field(v, O_PROPS), &name), Value::Absent) { return Ok(Value::Bool(true)); }
        let cls = if is_object(v) { heap::get_field(v, O_CLASS) } else { lookup_class(rt, &st(v)) };
        Ok(Value::Bool(class_data(cls).map_or(false, |c| c.props.iter().any(|p| p.name == name))))
    },
    "class_exists" [] => |_, rt, args| Ok(Value::Bool(class_data(lookup_class(rt, &str_arg(args, 0))).map_or(false, |c| c.kind == crate::ast::ClassKind::Class))),
    "interface_exists" [] => |_, rt, args| Ok(Value::Bool(class_data(lookup_class(rt, &str_arg(args, 0))).map_or(false, |c| c.kind == crate::ast::ClassKind::Interface))),
    "function_exists" [] => |_, rt, args| { let l = str_arg(args, 0).to_ascii_lowercase(); Ok(Value::Bool(lookup(&l).is_some() || matches!(dict_get_str(rt_field(rt, RT_FUNCS), &l), Value::Code(_)))) },
    "is_a" [] => |_, rt, args| {
        let v = a(args, 0);
        let target = str_arg(args, 1).to_ascii_lowercase();
        let cls = if is_object(v) { heap::get_field(v, O_CLASS) } else if to_bool(a(args, 2)) { lookup_class(rt, &st(v)) } else { Value::None };
        Ok(Value::Bool(instance_of(cls, &target)))
    },
    "is_subclass_of" [] => |_, rt, args| {
        let v = a(args, 0);
        let target = str_arg(args, 1).to_ascii_lowercase();
        let cls = if is_object(v) { heap::get_field(v, O_CLASS) } else { lookup_class(rt, &st(v)) };
        Ok(Value::Bool(class_data(cls).map_or(false, |c| c.lname != target) && instance_of(cls, &target)))
    },
    "spl_object_id" [] => |_, _, args| Ok(heap::get_field(a(args, 0), O_ID)),
    "spl_object_hash" [] => |mc, _, args| Ok(s(mc, &format!("{:032x}", to_int(heap::get_field(a(args, 0), O_ID))))),
    // ---- misc
    "define" [] => |mc, rt, args| {
        let name = str_arg(args, 0);
        let consts = rt_field(rt, RT_CONSTS);
        if !matches!(dict_get_str(consts, &name), Value::Absent) {
            warn(&format!("Constant {name} already defined"));
            return Ok(Value::Bool(false));
        }
        heap::dict_set(mc, consts, s(mc, &name), a(args, 1));
        Ok(Value::Bool(true))
    },
    "defined" [] => |mc, rt, args| Ok(Value::Bool(constant(mc, rt, &str_arg(args, 0)).is_some())),
    "constant" [] => |mc, rt, args| {
        let n = str_arg(args, 0);
        if let Some((c, k)) = n.split_once("::") {
            let cls = lookup_class(rt, c);
            let v = heap::dict_get(class_const(cls, C_CONSTS), s(mc, k));
            if let Value::Absent = v { return Err(err_str(mc, "Error", &format!("Undefined constant {n}"))); }
            return Ok(v);
        }
        constant(mc, rt, &n).ok_or_else(|| err_str(mc, "Error", &format!("Undefined constant \"{n}\"")))
    },
    "microtime" [] => |mc, _, args| {
        let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        if to_bool(a(args, 0)) { return fl(d.as_secs_f64()); }
        Ok(s(mc, &format!("{:.8} {}", d.subsec_nanos() as f64 / 1e9, d.as_secs())))
    },
    "hrtime" [] => |mc, _, args| {
        thread_local! { static T0: std::time::Instant = std::time::Instant::now(); }
        let ns = T0.with(|t| t.elapsed().as_nanos() as i64) + 1_000_000_000;
        if to_bool(a(args, 0)) { return Ok(Value::Int(ns)); }
        Ok(arr_from_list(mc, vec![Value::Int(ns / 1_000_000_000), Value::Int(ns % 1_000_000_000)]))
    },
    "time" [] => |_, _, _| Ok(Value::Int(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0))),
    // The CLI's default time zone is UTC (php.ini-production sets none).
    "date" [] => |mc, _, args| Ok(s(mc, &format_date(&str_arg(args, 0), date_ts(args)))),
    "gmdate" [] => |mc, _, args| Ok(s(mc, &format_date(&str_arg(args, 0), date_ts(args)))),
    "mktime" [] => |_, _, args| {
        let now = date_parts(now_ts());
        let get = |i: usize, d: i64| if has(args, i) && !matches!(a(args, i), Value::None) { int_arg(args, i) } else { d };
        let (h, mi, se) = (get(0, now.hour), get(1, now.min), get(2, now.sec));
        let (mo, d, y) = (get(3, now.month), get(4, now.day), get(5, now.year));
        // Months and days out of range carry over, as in php.
        let y2 = y + (mo - 1).div_euclid(12);
        let m2 = (mo - 1).rem_euclid(12) + 1;
        let days = days_from_civil(y2, m2, 1) + d - 1;
        Ok(Value::Int(days * 86400 + h * 3600 + mi * 60 + se))
    },
    "checkdate" [] => |_, _, args| {
        let (m, d, y) = (int_arg(args, 0), int_arg(args, 1), int_arg(args, 2));
        Ok(Value::Bool((1..=12).contains(&m) && y >= 1 && d >= 1 && d <= month_days(y, m)))
    },
    "date_default_timezone_get" [] => |mc, _, _| Ok(s(mc, "UTC")),
    "date_default_timezone_set" [] => |_, _, _| Ok(Value::Bool(true)),
    "memory_get_usage" [] => |_, _, _| Ok(Value::Int(2097152)),
    "memory_get_peak_usage" [] => |_, _, _| Ok(Value::Int(2097152)),
    "gc_collect_cycles" [] => |_, _, _| Ok(Value::Int(0)),
    "set_time_limit" [] => |_, _, _| Ok(Value::Bool(true)),
    "error_reporting" [] => |_, _, _| Ok(Value::Int(32767)),
    "ini_set" [] => |_, _, _| Ok(Value::Bool(false)),
    "ini_get" [] => |_, _, _| Ok(Value::Bool(false)),
    "setlocale" [] => |mc, _, _| Ok(s(mc, "C")),
    "php_sapi_name" [] => |mc, _, _| Ok(s(mc, "cli")),
    "phpversion" [] => |mc, _, _| Ok(s(mc, "8.2.0")),
    "php_uname" [] => |mc, _, _| Ok(s(mc, "Linux")),
    "getenv" [] => |mc, _, args| Ok(match std::env::var(str_arg(args, 0)) { Ok(v) => s(mc, &v), Err(_) => Value::Bool(false) }),
    "usleep" [] => |_, _, _| Ok(Value::None),
    "sleep" [] => |_, _, _| Ok(Value::Int(0)),
    "flush" [] => |_, _, _| Ok(Value::None),
    "ob_implicit_flush" [] => |_, _, _| Ok(Value::None),
    "pack" [] => |mc, _, args| {
        // The byte formats (`c`, `C`, with a count or `*`); other formats are not supported.
        let fmt = str_arg(args, 0);
        let mut out = Vec::new();
        let mut ai = 1;
        let f = by(&fmt);
        let f: &[u8] = &f;
        let mut i = 0;
        while i < f.len() {
            let code = f[i];
            i += 1;
            let count = if i < f.len() && f[i] == b'*' {
                i += 1;
                usize::MAX
            } else {
                let st_ = i;
                while i < f.len() && f[i].is_ascii_digit() { i += 1; }
                fmt[st_..i].parse().unwrap_or(1)
            };
            match code {
                b'c' | b'C' => {
                    let mut n = 0;
                    while n < count && ai < args.len() {
                        out.push(to_int(args[ai]) as u8);
                        ai += 1;
                        n += 1;
                    }
                }
                _ => return Err(err_str(mc, "ValueError", &format!("pack(): Type {}: unknown format code", code as char))),
            }
        }
        Ok(s(mc, &bytes_str(&out)))
    },
    "ob_start" [] => |_, _, _| { runtime::ob_start(); Ok(Value::Bool(true)) },
    "ob_end_clean" [] => |_, _, _| Ok(Value::Bool(runtime::ob_pop().is_some())),
    "ob_get_clean" [] => |mc, _, _| Ok(match runtime::ob_pop() { Some(b) => s(mc, &bytes_str(&b)), None => Value::Bool(false) }),
    "ob_get_contents" [] => |mc, _, _| Ok(match runtime::ob_contents() { Some(b) => s(mc, &bytes_str(&b)), None => Value::Bool(false) }),
    "ob_end_flush" [] => |_, _, _| Ok(match runtime::ob_pop() { Some(b) => { runtime::echo(&bytes_str(&b)); Value::Bool(true) } None => Value::Bool(false) }),
    "ob_get_flush" [] => |mc, _, _| Ok(match runtime::ob_pop() { Some(b) => { let t = bytes_str(&b); runtime::echo(&t); s(mc, &t) } None => Value::Bool(false) }),
    "ob_get_level" [] => |_, _, _| Ok(Value::Int(runtime::ob_level() as i64)),
    "date_default_timezone_set" [] => |_, _, _| Ok(Value::Bool(true)),
    "date_default_timezone_get" [] => |mc, _, _| Ok(s(mc, "UTC")),
    "gettimeofday" [] => |mc, _, args| {
        let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        if to_bool(a(args, 0)) { return fl(d.as_secs_f64()); }
        let out = new_array(mc);
        arr_set(mc, out, s(mc, "sec"), Value::Int(d.as_secs() as i64));
        arr_set(mc, out, s(mc, "usec"), Value::Int(d.subsec_micros() as i64));
        arr_set(mc, out, s(mc, "minuteswest"), Value::Int(0));
        arr_set(mc, out, s(mc, "dsttime"), Value::Int(0));
        Ok(out)
    },
    // php-cli's production ini sets zend.assertions = -1: assert() is a no-op returning true.
    "assert" [] => |_, _, _| Ok(Value::Bool(true)),
    "trigger_error" [] => |_, _, args| {
        let level = if has(args, 1) { to_int(a(args, 1)) } else { 1024 };
        let kind = match level { 256 => "Fatal error", 512 => "Warning", 8192 | 16384 => "Deprecated", _ => "Notice" };
        runtime::echo_err(&format!("PHP {kind}:  {}{}\n", str_arg(args, 0), loc()));
        Ok(Value::Bool(true))
    },
    "user_error" [] => |_, _, args| { runtime::echo_err(&format!("PHP Notice:  {}{}\n", str_arg(args, 0), loc())); Ok(Value::Bool(true)) },
    "json_decode" [] => |mc, rt, args| json_decode(mc, rt, &str_arg(args, 0), to_bool(a(args, 1))),
    "serialize" [] => |mc, _, args| { let mut o = String::new(); output::json_encode(a(args, 0), 0, 0, &mut o); Ok(s(mc, &o)) },
    "array_walk_fallback" [] => |_, _, _| Ok(Value::None),
    "preg_quote" [] => |mc, _, args| {
        let t = str_arg(args, 0);
        let mut o = String::new();
        for c in t.chars() { if ".\\+*?[^]$(){}=!<>|:-#/".contains(c) { o.push('\\'); } o.push(c); }
        Ok(s(mc, &o))
    },
}

fn natcmp(a: &str, b: &str, ci: bool) -> i64 {
    let (a, b) = if ci {
        (a.to_ascii_lowercase(), b.to_ascii_lowercase())
    } else {
        (a.to_string(), b.to_string())
    };
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < ab.len() && j < bb.len() {
        if ab[i].is_ascii_digit() && bb[j].is_ascii_digit() {
            let si = i;
            while i < ab.len() && ab[i].is_ascii_digit() {
                i += 1;
            }
            let sj = j;
            while j < bb.len() && bb[j].is_ascii_digit() {
                j += 1;
            }
            let x: u128 = a[si..i].parse().unwrap_or(0);
            let y: u128 = b[sj..j].parse().unwrap_or(0);
            if x != y {
                return if x < y { -1 } else { 1 };
            }
        } else {
            if ab[i] != bb[j] {
                return if ab[i] < bb[j] { -1 } else { 1 };
            }
            i += 1;
            j += 1;
        }
    }
    ((ab.len() - i) as i64 - (bb.len() - j) as i64).signum()
}

fn incdec_str<'gc>(mc: &Mutation<'gc>, v: Value<'gc>, inc: bool) -> Value<'gc> {
    let t = st(v);
    if let Some((n, true)) = parse_numeric(&t) {
        return match n {
            NumVal::I(i) => match if inc {
                i.checked_add(1)
            } else {
                i.checked_sub(1)
            } {
                Some(x) => Value::Int(x),
                None => Value::Float(i as f64 + if inc { 1.0 } else { -1.0 }),
            },
            NumVal::F(f) => Value::Float(if inc { f + 1.0 } else { f - 1.0 }),
        };
    }
    if !inc {
        return v;
    }
    if t.is_empty() {
        return s(mc, "1");
    }
    let mut b = t.into_bytes();
    let mut i = b.len();
    loop {
        if i == 0 {
            let first = b[0];
            let c = if first.is_ascii_digit() {
                b'1'
            } else if first.is_ascii_uppercase() {
                b'A'
            } else {
                b'a'
            };
            b.insert(0, c);
            break;
        }
        i -= 1;
        let c = b[i];
        match c {
            b'z' => b[i] = b'a',
            b'Z' => b[i] = b'A',
            b'9' => b[i] = b'0',
            c if c.is_ascii_alphanumeric() => {
                b[i] = c + 1;
                break;
            }
            _ => break,
        }
    }
    s(mc, &bytes_str(&b))
}

fn sha1_hex(data: &[u8]) -> String {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([
                chunk[4 * i],
                chunk[4 * i + 1],
                chunk[4 * i + 2],
                chunk[4 * i + 3],
            ]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let (mut a, mut b, mut c, mut d, mut e) = (h[0], h[1], h[2], h[3], h[4]);
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5A827999),
                1 => (b ^ c ^ d, 0x6ED9EBA1),
                2 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6u32),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        h[0] = h[0].wrapping_add(a);
        h[1] = h[1].wrapping_add(b);
        h[2] = h[2].wrapping_add(c);
        h[3] = h[3].wrapping_add(d);
        h[4] = h[4].wrapping_add(e);
    }
    h.iter().map(|x| format!("{:08x}", x)).collect()
}

fn json_decode<'gc>(mc: &Mutation<'gc>, rt: Value<'gc>, t: &str, assoc: bool) -> Res<'gc> {
    struct P<'a> {
        b: &'a [u8],
        i: usize,
    }
    fn ws(p: &mut P) {
        while p.i < p.b.len() && p.b[p.i].is_ascii_whitespace() {
            p.i += 1;
        }
    }
    fn val<'gc>(
        mc: &Mutation<'gc>,
        rt: Value<'gc>,
        p: &mut P,
        assoc: bool,
        depth: usize,
    ) -> Option<Value<'gc>> {
        if depth > 512 {
            return None;
        }
        ws(p);
        let c = *p.b.get(p.i)?;
        match c {
            b'{' => {
                p.i += 1;
                let arr = new_array(mc);
                ws(p);
                if p.b.get(p.i) == Some(&b'}') {
                    p.i += 1;
                } else {
                    loop {
                        ws(p);
                        let k = val(mc, rt, p, assoc, depth + 1)?;
                        ws(p);
                        if p.b.get(p.i) != Some(&b':') {
                            return None;
                        }
                        p.i += 1;
                        let v = val(mc, rt, p, assoc, depth + 1)?;
                        let k = norm_key(mc, k).ok()?;
                        arr_set(mc, arr, k, v);
                        ws(p);
                        match p.b.get(p.i) {
                            Some(b',') => p.i += 1,
                            Some(b'}') => {
                                p.i += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                if assoc {
                    Some(arr)
                } else {
                    let cls = lookup_class(rt, "stdClass");
                    let o = instantiate(mc, rt, cls);
                    for (k, v) in arr_entries(arr) {
                        heap::dict_set(mc, heap::get_field(o, O_PROPS), s(mc, &st(k)), v);
                    }
                    Some(o)
                }
            }
            b'[' => {
                p.i += 1;
                let mut items = Vec::new();
                ws(p);
                if p.b.get(p.i) == Some(&b']') {
                    p.i += 1;
                } else {
                    loop {
                        items.push(val(mc, rt, p, assoc, depth + 1)?);
                        ws(p);
                        match p.b.get(p.i) {
                            Some(b',') => p.i += 1,
                            Some(b']') => {
                                p.i += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                Some(arr_from_list(mc, items))
            }
            b'"' => {
                p.i += 1;
                let mut out = String::new();
                loop {
                    let c = *p.b.get(p.i)?;
                    p.i += 1;
                    match c {
                        b'"' => break,
                        b'\\' => {
                            let e = *p.b.get(p.i)?;
                            p.i += 1;
                            match e {
                                b'n' => out.push('\n'),
                                b't' => out.push('\t'),
                                b'r' => out.push('\r'),
                                b'b' => out.push('\u{8}'),
                                b'f' => out.push('\u{c}'),
                                b'u' => {
                                    let h = std::str::from_utf8(p.b.get(p.i..p.i + 4)?).ok()?;
                                    p.i += 4;
                                    let mut cp = u32::from_str_radix(h, 16).ok()?;
                                    if (0xD800..0xDC00).contains(&cp)
                                        && p.b.get(p.i) == Some(&b'\\')
                                    {
                                        let h2 =
                                            std::str::from_utf8(p.b.get(p.i + 2..p.i + 6)?).ok()?;
                                        let lo = u32::from_str_radix(h2, 16).ok()?;
                                        p.i += 6;
                                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                                    }
                                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                                }
                                other => out.push(other as char),
                            }
                        }
                        _ => {
                            let start = p.i - 1;
                            let mut end = p.i;
                            while end < p.b.len() && p.b[end] != b'"' && p.b[end] != b'\\' {
                                end += 1;
                            }
                            out.push_str(&String::from_utf8_lossy(&p.b[start..end]));
                            p.i = end;
                        }
                    }
                }
                Some(s(mc, &out))
            }
            b't' if p.b[p.i..].starts_with(b"true") => {
                p.i += 4;
                Some(Value::Bool(true))
            }
            b'f' if p.b[p.i..].starts_with(b"false") => {
                p.i += 5;
                Some(Value::Bool(false))
            }
            b'n' if p.b[p.i..].starts_with(b"null") => {
                p.i += 4;
                Some(Value::None)
            }
            _ => {
                let st0 = p.i;
                while p.i < p.b.len()
                    && matches!(p.b[p.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    p.i += 1;
                }
                let t = std::str::from_utf8(&p.b[st0..p.i]).ok()?;
                if t.is_empty() {
                    return None;
                }
                if t.contains(['.', 'e', 'E']) {
                    t.parse().ok().map(Value::Float)
                } else {
                    Some(
                        t.parse()
                            .map(Value::Int)
                            .unwrap_or_else(|_| Value::Float(t.parse().unwrap_or(0.0))),
                    )
                }
            }
        }
    }
    let mut p = P {
        b: t.as_bytes(),
        i: 0,
    };
    let r = match val(mc, rt, &mut p, assoc, 0) {
        Some(v) => {
            ws(&mut p);
            (p.i == p.b.len()).then_some(v)
        }
        None => None,
    };
    output::json_set_error(if r.is_some() {
        0
    } else {
        output::JSON_ERROR_SYNTAX
    });
    Ok(r.unwrap_or(Value::None))
}

fn array_column<'gc>(mc: &Mutation<'gc>, _rt: Value<'gc>, args: &[Value<'gc>]) -> Res<'gc> {
    let out = new_array(mc);
    let col = a(args, 1);
    let idx = a(args, 2);
    for row in arr_values(a(args, 0)) {
        let get = |k: Value<'gc>| -> Value<'gc> {
            if is_array(row) {
                let kk = match k {
                    Value::Str(t) => canonical_int(t.as_str()).map(Value::Int).unwrap_or(k),
                    _ => k,
                };
                arr_get(row, kk)
            } else if is_object(row) {
                deref(heap::dict_get(heap::get_field(row, O_PROPS), s(mc, &st(k))))
            } else {
                Value::Absent
            }
        };
        let v = if matches!(col, Value::None) {
            row
        } else {
            get(col)
        };
        if let Value::Absent = v {
            continue;
        }
        if matches!(idx, Value::None | Value::Absent) {
            arr_push(mc, out, v)?;
        } else {
            let k = get(idx);
            if let Value::Absent = k {
                arr_push(mc, out, v)?;
            } else {
                let k = norm_key(mc, k)?;
                arr_set(mc, out, k, v);
            }
        }
    }
    Ok(out)
}
