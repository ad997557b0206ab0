//! Names as volunteers would type them: in the script of the state, with
//! some people's names typed in Latin letters instead.
//!
//! Each entry is "native/Latin". The lists are common names of each region;
//! real registers have longer tails, so generated names repeat more often
//! than real ones (and compress a little better).

/// The names used in one region.
pub struct NameBook {
    pub female: &'static [&'static str],
    pub male: &'static [&'static str],
    pub family: &'static [&'static str],
    /// Family names women often use instead (Kumari, Devi, Chanu).
    pub female_family: &'static [&'static str],
    /// Clan names written before the given name (Meitei yumnak), if any.
    pub clans: &'static [&'static str],
    /// People whose names are typed in Latin letters, per mille.
    pub latin_per_mille: u32,
    /// People with no family name, per mille.
    pub single_name_per_mille: u32,
}

/// The half of a "native/Latin" entry wanted.
pub fn spelling(entry: &'static str, latin: bool) -> &'static str {
    match entry.split_once('/') {
        Some((native, roman)) => {
            if latin {
                roman
            } else {
                native
            }
        }
        None => entry,
    }
}

/// Bengali script, Tripura.
#[rustfmt::skip]
pub const TRIPURA: NameBook = NameBook {
    female: &[
        "পূজা/Puja", "রিয়া/Riya", "মৌমিতা/Moumita", "সুমি/Sumi", "প্রিয়াঙ্কা/Priyanka",
        "অনিতা/Anita", "রুমা/Ruma", "তানিয়া/Tania", "মিতালী/Mitali", "সোমা/Soma",
        "পায়েল/Payel", "অর্পিতা/Arpita", "শর্মিষ্ঠা/Sharmistha", "দীপিকা/Dipika",
        "মনিকা/Monika", "সুস্মিতা/Susmita", "রাখী/Rakhi", "লক্ষ্মী/Lakshmi", "বর্ষা/Barsha",
        "শ্রাবন্তী/Srabanti",
    ],
    male: &[
        "রাহুল/Rahul", "সুমন/Suman", "অমিত/Amit", "বিশাল/Bishal", "রাজু/Raju",
        "সঞ্জয়/Sanjay", "দীপক/Dipak", "অভিজিৎ/Abhijit", "সুরজিৎ/Surajit", "বিপ্লব/Biplab",
        "প্রসেনজিৎ/Prosenjit", "রাজীব/Rajib", "শুভজিৎ/Subhajit", "অনুপ/Anup", "তপন/Tapan",
        "সৌরভ/Sourav", "জয়ন্ত/Jayanta", "কৃষ্ণ/Krishna", "বিজয়/Bijoy", "মিঠুন/Mithun",
    ],
    family: &[
        "দাস/Das", "দেবনাথ/Debnath", "সাহা/Saha", "পাল/Pal", "দেববর্মা/Debbarma",
        "ত্রিপুরা/Tripura", "রিয়াং/Reang", "চক্রবর্তী/Chakraborty", "ভৌমিক/Bhowmik",
        "সরকার/Sarkar", "মজুমদার/Majumder", "জমাতিয়া/Jamatia", "নাথ/Nath", "ঘোষ/Ghosh",
        "সিনহা/Sinha", "চাকমা/Chakma",
    ],
    female_family: &[],
    clans: &[],
    latin_per_mille: 150,
    single_name_per_mille: 20,
};

/// Assamese (Bengali script with ৰ and ৱ), Assam.
#[rustfmt::skip]
pub const ASSAM: NameBook = NameBook {
    female: &[
        "অনিতা/Anita", "ৰুমি/Rumi", "পাপৰি/Papori", "জুনমণি/Junmoni", "মামণি/Mamoni",
        "বৰ্ণালী/Bornali", "দীপশিখা/Dipshikha", "নয়নমণি/Nayanmoni", "ৰিংকী/Rinki",
        "পূজা/Puja", "প্ৰিয়ংকা/Priyanka", "জ্যোতি/Jyoti", "মৌচুমী/Mousumi",
        "অংকিতা/Ankita", "ৰশ্মি/Rashmi", "গীতাঞ্জলি/Gitanjali", "ভাগ্যশ্ৰী/Bhagyashree",
        "লিপিকা/Lipika",
    ],
    male: &[
        "ৰাহুল/Rahul", "বিকাশ/Bikash", "প্ৰাঞ্জল/Pranjal", "দীপজ্যোতি/Dipjyoti",
        "অভিজিত/Abhijit", "ৰাজীৱ/Rajib", "মৃদুল/Mridul", "হিমাংশু/Himangshu",
        "ভাস্কৰ/Bhaskar", "জিতু/Jitu", "নিতুল/Nitul", "পংকজ/Pankaj", "ধ্ৰুৱ/Dhruba",
        "বিশাল/Bishal", "অনুপম/Anupam", "মনোজ/Manoj", "ৰঞ্জিত/Ranjit", "কৌশিক/Kaushik",
    ],
    family: &[
        "বৰা/Bora", "গগৈ/Gogoi", "শইকীয়া/Saikia", "কলিতা/Kalita", "দাস/Das",
        "বৰুৱা/Baruah", "হাজৰিকা/Hazarika", "নাথ/Nath", "ডেকা/Deka", "তালুকদাৰ/Talukdar",
        "মেধি/Medhi", "চুতীয়া/Chutia", "বসুমতাৰী/Basumatary", "পেগু/Pegu", "ৰাভা/Rabha",
        "তেৰাং/Terang",
    ],
    female_family: &[],
    clans: &[],
    latin_per_mille: 150,
    single_name_per_mille: 20,
};

/// Devanagari (Hindi), Jharkhand.
#[rustfmt::skip]
pub const JHARKHAND: NameBook = NameBook {
    female: &[
        "सुनीता/Sunita", "पूजा/Puja", "रीना/Rina", "अनीता/Anita", "सोनी/Soni",
        "प्रियंका/Priyanka", "काजल/Kajal", "ममता/Mamta", "सुमन/Suman", "सलोनी/Saloni",
        "अंजलि/Anjali", "नेहा/Neha", "रेशमा/Reshma", "सरिता/Sarita", "बसंती/Basanti",
        "फूलमनी/Phoolmani", "सुशीला/Sushila", "मीना/Meena", "जानकी/Janki", "ललिता/Lalita",
    ],
    male: &[
        "राहुल/Rahul", "अमित/Amit", "सूरज/Suraj", "विकास/Vikas", "राजेश/Rajesh",
        "संजय/Sanjay", "बिरसा/Birsa", "अजय/Ajay", "मनोज/Manoj", "दीपक/Deepak",
        "सोमरा/Somra", "करण/Karan", "रोहित/Rohit", "सुनील/Sunil", "अनिल/Anil",
        "गोपाल/Gopal", "शिबू/Shibu", "बुधन/Budhan", "मंगल/Mangal", "प्रदीप/Pradeep",
    ],
    family: &[
        "मुंडा/Munda", "उरांव/Oraon", "महतो/Mahto", "कुमार/Kumar", "हांसदा/Hansda",
        "सोरेन/Soren", "टुडू/Tudu", "मरांडी/Marandi", "साहू/Sahu", "प्रजापति/Prajapati",
        "यादव/Yadav", "लोहरा/Lohra", "खलखो/Khalkho", "तिर्की/Tirkey", "हेंब्रम/Hembrom",
        "गोप/Gope", "सिंह/Singh", "मांझी/Manjhi",
    ],
    female_family: &["कुमारी/Kumari", "देवी/Devi"],
    clans: &[],
    latin_per_mille: 120,
    single_name_per_mille: 10,
};

/// Devanagari (Hindi), Rajasthan.
#[rustfmt::skip]
pub const RAJASTHAN: NameBook = NameBook {
    female: &[
        "पूजा/Pooja", "सुमन/Suman", "कमला/Kamla", "संतोष/Santosh", "मीरा/Meera",
        "गुड्डी/Guddi", "सीमा/Seema", "रेखा/Rekha", "कविता/Kavita", "मोनिका/Monika",
        "प्रियंका/Priyanka", "अनीता/Anita", "लक्ष्मी/Laxmi", "गीता/Geeta", "सरोज/Saroj",
        "मंजू/Manju",
    ],
    male: &[
        "राकेश/Rakesh", "सुरेश/Suresh", "महेंद्र/Mahendra", "राजू/Raju", "मुकेश/Mukesh",
        "दिनेश/Dinesh", "कालू/Kalu", "हरि/Hari", "रामलाल/Ramlal", "विकास/Vikas",
        "सचिन/Sachin", "अजय/Ajay", "लोकेश/Lokesh", "गोविंद/Govind", "भरत/Bharat",
        "मनीष/Manish",
    ],
    family: &[
        "मीणा/Meena", "गुर्जर/Gurjar", "बंजारा/Banjara", "सैनी/Saini", "बैरवा/Bairwa",
        "योगी/Yogi", "प्रजापत/Prajapat", "शर्मा/Sharma", "कुमावत/Kumawat", "रेगर/Regar",
        "नायक/Nayak",
    ],
    female_family: &["कुमारी/Kumari", "देवी/Devi"],
    clans: &[],
    latin_per_mille: 100,
    single_name_per_mille: 30,
};

/// Meitei names, in Bengali script or (as often) Latin, Manipur. The clan
/// name (yumnak) comes first; men are Singh, women Devi or Chanu.
#[rustfmt::skip]
pub const MANIPUR: NameBook = NameBook {
    female: &[
        "থোইবি/Thoibi", "সনাতোম্বি/Sanatombi", "বেমবেম/Bembem", "লিনথোই/Linthoi",
        "মেমচা/Memcha", "চাওবি/Chaobi", "ইবেমহল/Ibemhal", "রোজিতা/Rojita",
        "বিনদিয়া/Bindiya", "লানচেনবি/Lanchenbi",
    ],
    male: &[
        "তোম্বা/Tomba", "ইবোমচা/Ibomcha", "সনাজাওবা/Sanajaoba", "নোংদাম্বা/Nongdamba",
        "ইনাওবা/Inaoba", "থোইবা/Thoiba", "প্রেমজিৎ/Premjit", "রোমেন/Romen",
        "লানচেনবা/Lanchenba", "চিংখৈ/Chingkhei",
    ],
    family: &["সিংহ/Singh"],
    female_family: &["দেবী/Devi", "চানু/Chanu"],
    clans: &[
        "লৈশ্রম/Laishram", "নিংথৌজম/Ningthoujam", "খুমনথেম/Khumanthem", "থোকচোম/Thokchom",
        "ওইনাম/Oinam", "কোনসাম/Konsam", "আকোইজম/Akoijam", "হাওবম/Haobam",
    ],
    latin_per_mille: 500,
    single_name_per_mille: 0,
};

/// Malayalam, Kerala. The "family name" is most often an initial (the
/// father's or husband's name) or left out.
#[rustfmt::skip]
pub const KERALA: NameBook = NameBook {
    female: &[
        "അനിത/Anitha", "ശ്രീജ/Sreeja", "ദിവ്യ/Divya", "രേഷ്മ/Reshma", "സൗമ്യ/Soumya",
        "ആതിര/Athira", "അഞ്ജു/Anju", "ലക്ഷ്മി/Lakshmi", "ഷീബ/Sheeba", "ഫാത്തിമ/Fathima",
        "ജിഷ/Jisha", "ബിന്ദു/Bindu", "ആര്യ/Arya", "നീതു/Neethu", "റസിയ/Rasiya",
        "മഞ്ജു/Manju", "ഗീതു/Geethu", "അശ്വതി/Aswathy", "രമ്യ/Ramya", "സിന്ധു/Sindhu",
        "ശാലിനി/Shalini", "ജസ്ന/Jasna", "ഷൈനി/Shiny", "പ്രിയ/Priya", "അമൃത/Amritha",
    ],
    male: &[
        "സുരേഷ്/Suresh", "രാജേഷ്/Rajesh", "ബിജു/Biju", "ഷാജി/Shaji", "അനിൽ/Anil",
        "സന്തോഷ്/Santhosh", "ജോസ്/Jose", "മുഹമ്മദ്/Muhammed", "വിനോദ്/Vinod",
        "പ്രദീപ്/Pradeep",
    ],
    family: &[
        "എസ്/S", "ആർ/R", "കെ/K", "എം/M", "എൽ/L", "ബി/B", "വി/V", "ജി/G", "പി/P", "ടി/T",
    ],
    female_family: &[],
    clans: &[],
    latin_per_mille: 250,
    single_name_per_mille: 150,
};

/// Every book, for tests over all names.
#[cfg(test)]
pub const ALL: [&NameBook; 6] = [&TRIPURA, &ASSAM, &JHARKHAND, &RAJASTHAN, &MANIPUR, &KERALA];
