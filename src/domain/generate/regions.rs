//! The states of the seed documents: their districts, local bodies and
//! village names, the names people there have, and their communities.

use super::names::{self, NameBook};

/// A state where generated groups are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    Tripura,
    Assam,
    Jharkhand,
    Manipur,
    /// Thiruvananthapuram district, where the auxiliary groups of the seed
    /// documents are.
    Kerala,
    Rajasthan,
}

/// What the generator knows of a region.
pub struct RegionInfo {
    pub state: &'static str,
    /// Real district names, used in order.
    pub districts: &'static [&'static str],
    /// Real block or local body names, used before made-up ones.
    pub blocks: &'static [&'static str],
    /// Wards or villages under each block or local body.
    pub villages_per_block: u32,
    /// Made-up village names are a prefix and a suffix in Latin letters.
    pub prefixes: &'static [&'static str],
    pub suffixes: &'static [&'static str],
    pub names: &'static NameBook,
    /// Communities a volunteer may note; most people have none noted.
    pub communities: &'static [&'static str],
}

impl Region {
    pub const ALL: [Region; 6] = [
        Region::Tripura,
        Region::Assam,
        Region::Jharkhand,
        Region::Manipur,
        Region::Kerala,
        Region::Rajasthan,
    ];

    pub fn info(self) -> &'static RegionInfo {
        match self {
            Region::Tripura => &TRIPURA,
            Region::Assam => &ASSAM,
            Region::Jharkhand => &JHARKHAND,
            Region::Manipur => &MANIPUR,
            Region::Kerala => &KERALA,
            Region::Rajasthan => &RAJASTHAN,
        }
    }
}

impl RegionInfo {
    /// The `n`-th block or local body name of the region: a real
    /// one while they last, then made up.
    pub fn block_name(&self, n: u32) -> String {
        match self.blocks.get(n as usize) {
            Some(name) => name.to_string(),
            None => self.made_up_name(n.wrapping_mul(7).wrapping_add(3)),
        }
    }

    /// The `n`-th made-up place name. Distinct for every `n` below
    /// prefixes × suffixes; beyond that a number tells them apart.
    pub fn made_up_name(&self, n: u32) -> String {
        let (p, s) = (self.prefixes.len() as u32, self.suffixes.len() as u32);
        let combos = p * s;
        // Walk the prefix × suffix grid with a step coprime to its size,
        // so neighbouring places do not share a prefix.
        let step = (0..combos)
            .map(|k| combos / 2 + 1 + k)
            .find(|&k| gcd(k, combos) == 1)
            .unwrap_or(1);
        let i = (n % combos) * step % combos;
        let mut name = format!(
            "{}{}",
            self.prefixes[(i / s) as usize],
            self.suffixes[(i % s) as usize]
        );
        if n >= combos {
            name.push_str(&format!(" {}", n / combos + 1));
        }
        name
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[rustfmt::skip]
const TRIPURA: RegionInfo = RegionInfo {
    state: "Tripura",
    districts: &[
        "West Tripura", "Sepahijala", "Gomati", "South Tripura", "Khowai", "Dhalai",
        "Unakoti", "North Tripura",
    ],
    blocks: &[
        "Mohanpur", "Jirania", "Bishalgarh", "Melaghar", "Udaipur", "Amarpur", "Belonia",
        "Santirbazar", "Teliamura", "Ambassa", "Kumarghat", "Panisagar",
    ],
    villages_per_block: 12,
    prefixes: &[
        "Jampui", "Kamal", "Bishram", "Mohan", "Rani", "Durga", "Kali", "Ganga", "Madhu", "Sonar",
        "Kanchan", "Bamutia", "Mandai", "Takar", "Champak", "Laxmi",
    ],
    suffixes: &[
        "pur", "nagar", "bari", "chhara", "jala", "tilla", "para", "ghat",
    ],
    names: &names::TRIPURA,
    communities: &["Tripuri", "Reang", "Jamatia", "Chakma", "Bengali"],
};

#[rustfmt::skip]
const ASSAM: RegionInfo = RegionInfo {
    state: "Assam",
    districts: &[
        "Kamrup", "Nagaon", "Barpeta", "Dhubri", "Sonitpur", "Cachar", "Lakhimpur",
        "Dibrugarh", "Jorhat", "Golaghat", "Sivasagar", "Tinsukia", "Goalpara", "Darrang",
        "Nalbari", "Bongaigaon", "Kokrajhar", "Morigaon", "Dhemaji", "Karimganj",
        "Hailakandi", "Baksa", "Udalguri", "Chirang", "Majuli", "Biswanath", "Charaideo",
        "Hojai", "Karbi Anglong", "Dima Hasao",
    ],
    blocks: &[
        "Rani", "Boko", "Chaygaon", "Kaliabor", "Batadraba", "Chenga", "Gauripur",
        "Dhekiajuli", "Lakhipur", "Bihpuria", "Lahowal", "Titabor", "Bokakhat", "Nazira",
    ],
    villages_per_block: 12,
    prefixes: &[
        "Bor", "Saru", "Dhol", "Kachu", "Nam", "Ratan", "Bhela", "Hati", "Bogi", "Kordoi",
        "Sonari", "Amo", "Dighal", "Kukura", "Pani", "Balijan",
    ],
    suffixes: &[
        "gaon", "bari", "pathar", "guri", "pur", "chuk", "kuchi", "jan",
    ],
    names: &names::ASSAM,
    communities: &["Bodo", "Mising", "Karbi", "Rabha", "Tea tribe", "Ahom"],
};

#[rustfmt::skip]
const JHARKHAND: RegionInfo = RegionInfo {
    state: "Jharkhand",
    districts: &[
        "Ranchi", "Khunti", "Gumla", "Simdega", "Lohardaga", "Latehar", "Palamu", "Garhwa",
        "Chatra", "Hazaribagh", "Ramgarh", "Bokaro", "Dhanbad", "Giridih", "Koderma",
        "Deoghar", "Jamtara", "Dumka", "Godda", "Sahebganj", "Pakur", "East Singhbhum",
        "West Singhbhum", "Seraikela Kharsawan",
    ],
    blocks: &[
        "Kanke", "Namkum", "Ratu", "Bero", "Mandar", "Angara", "Ormanjhi", "Bundu", "Tamar",
        "Murhu", "Torpa", "Karra", "Sisai", "Bharno", "Palkot", "Raidih", "Chainpur",
        "Kolebira", "Bano", "Kuru", "Chandwa", "Manika", "Patan", "Chhatarpur",
    ],
    villages_per_block: 12,
    prefixes: &[
        "Ram", "Bishun", "Chand", "Sona", "Hari", "Kali", "Dhan", "Bara", "Chhota", "Nawa",
        "Burhu", "Tilai", "Kusum", "Pipar", "Jamun", "Sal", "Kend", "Mahua", "Lota", "Hesal",
    ],
    suffixes: &[
        "pur", "dih", "tola", "toli", "tand", "bera", "garh", "gutu", "jara", "kocha",
    ],
    names: &names::JHARKHAND,
    communities: &["Munda", "Oraon", "Santhal", "Ho", "Kharia", "Mahli"],
};

#[rustfmt::skip]
const MANIPUR: RegionInfo = RegionInfo {
    state: "Manipur",
    districts: &[
        "Imphal West", "Imphal East", "Thoubal", "Bishnupur", "Kakching",
    ],
    blocks: &["Wangoi", "Porompat", "Thoubal", "Moirang", "Kakching"],
    villages_per_block: 12,
    prefixes: &[
        "Wangkhei", "Keisam", "Uri", "Moirang", "Nambol", "Khurai", "Heing", "Sagol", "Thang",
        "Lilong", "Kwakta", "Mayang",
    ],
    suffixes: &[" Leikai", "pat", " Makha", "khul", " Awang", "pokpi"],
    names: &names::MANIPUR,
    communities: &["Meitei", "Meitei Pangal"],
};

#[rustfmt::skip]
const KERALA: RegionInfo = RegionInfo {
    state: "Kerala",
    districts: &["Thiruvananthapuram"],
    blocks: &[
        "Thiruvananthapuram Corporation", "Neyyattinkara Municipality",
        "Nedumangad Municipality", "Attingal Municipality", "Varkala Municipality",
        "Kallara", "Kilimanoor", "Pangode", "Vamanapuram", "Nanniyode", "Peringamala",
        "Vithura", "Aryanad", "Kuttichal", "Poovachal", "Kattakada", "Malayinkeezhu",
        "Vilappil", "Balaramapuram", "Kalliyoor", "Venganoor", "Kottukal", "Karumkulam",
        "Poovar", "Parassala", "Kulathoor", "Chenkal", "Karode", "Aruvikkara", "Pothencode",
        "Mangalapuram", "Andoorkonam", "Kadinamkulam", "Azhoor", "Chirayinkeezhu",
        "Kizhuvilam", "Mudakkal", "Vakkom", "Anchuthengu", "Kadakkavoor", "Chemmaruthy",
        "Edava", "Elakamon", "Manamboor", "Navaikulam", "Pallickal", "Madavoor", "Nagaroor",
        "Pazhayakunnummel", "Karavaram", "Pulimath", "Vembayam", "Kallikkad", "Amboori",
        "Vellarada", "Kunnathukal", "Perumkadavila", "Aryancode", "Ottasekharamangalam",
        "Kollayil", "Tholicode", "Nellanad", "Manickal", "Maranalloor", "Pallichal",
        "Vellanad", "Uzhamalakkal", "Panavoor", "Anad", "Pullampara", "Ottoor",
        "Cherunniyoor", "Vettoor", "Karakulam", "Thirupuram", "Athiyannur", "Kanjiramkulam",
        "Vilavoorkal",
    ],
    villages_per_block: 20,
    prefixes: &[
        "Kallu", "Pattoor", "Vella", "Kara", "Puthen", "Mele", "Thazhe", "Kunnu", "Chira", "Pazha",
        "Neyyar", "Pala", "Mavu", "Ambala", "Elam", "Peroor", "Kulathu", "Mukkola",
    ],
    suffixes: &[
        "moodu", "kara", "kulam", "puram", "kode", "vila", "thara", "kadavu", "konam", "mukku",
        "para", "chira",
    ],
    names: &names::KERALA,
    communities: &[],
};

#[rustfmt::skip]
const RAJASTHAN: RegionInfo = RegionInfo {
    state: "Rajasthan",
    districts: &["Kotputli-Behror", "Alwar"],
    blocks: &["Viratnagar", "Thanagazi"],
    villages_per_block: 12,
    prefixes: &[
        "Bhang", "Ajab", "Bai", "Pao", "Kunda", "Sura", "Jaisingh", "Mala",
    ],
    suffixes: &["doli", "garh", "pura", "ta", "wala", "ka Bas"],
    names: &names::RAJASTHAN,
    communities: &["Meena", "Gurjar", "Banjara", "Bairwa"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_names_do_not_repeat() {
        for region in Region::ALL {
            let info = region.info();
            let n = (info.prefixes.len() * info.suffixes.len() * 2) as u32;
            let mut names: Vec<String> = (0..n).map(|i| info.made_up_name(i)).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), n as usize, "{region:?}");
        }
    }

    #[test]
    fn real_block_names_come_first() {
        let kerala = Region::Kerala.info();
        assert_eq!(kerala.block_name(0), "Thiruvananthapuram Corporation");
        assert_eq!(
            kerala.blocks.len(),
            78,
            "1 corporation, 4 municipalities, 73 panchayats"
        );
        assert!(!kerala.blocks.contains(&kerala.block_name(78).as_str()));
    }
}
