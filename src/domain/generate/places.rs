//! Generated places: state › district › block or local body › ward or
//! village, each entered once and shared by every group there.

use super::regions::{Region, RegionInfo};
use super::Site;
use crate::domain::id::{Id, IdGen, IdsExhausted};
use crate::domain::place::{Level, Place};
use crate::domain::table::{Author, Table};
use std::collections::BTreeMap;

/// The places made so far, so that each is made once.
pub struct Gazetteer<'a> {
    pub places: &'a mut Table<Place>,
    pub ids: &'a mut IdGen,
    pub author: Author,
    made: BTreeMap<(Option<Id>, String), Id>,
    /// Blocks used so far in each region, so a second cohort there gets
    /// blocks of its own.
    blocks_used: BTreeMap<Region, u32>,
}

/// A village (or ward) where groups meet.
#[derive(Clone, Debug)]
pub struct Village {
    pub id: Id,
    pub name: String,
}

impl<'a> Gazetteer<'a> {
    pub fn new(places: &'a mut Table<Place>, ids: &'a mut IdGen, author: Author) -> Self {
        Gazetteer {
            places,
            ids,
            author,
            made: BTreeMap::new(),
            blocks_used: BTreeMap::new(),
        }
    }

    /// `count` villages of `region` for a cohort's groups to meet in.
    pub fn villages(
        &mut self,
        region: Region,
        site: Site,
        count: u32,
    ) -> Result<Vec<Village>, IdsExhausted> {
        let info = region.info();
        let state = self.place(None, Level::State, info.state)?;
        if let Site::At {
            district,
            block,
            village,
        } = site
        {
            let district = self.place(Some(state), Level::District, district)?;
            let block = self.place(Some(district), Level::Block, block)?;
            let id = self.place(Some(block), Level::Ward, village)?;
            let name = village.to_string();
            return Ok(vec![Village { id, name }]);
        }
        let per_block = info.villages_per_block.max(1);
        let blocks = count.div_ceil(per_block).max(1);
        let districts = (info.districts.len() as u32).min(blocks);
        let first_block = *self.blocks_used.get(&region).unwrap_or(&0);
        self.blocks_used.insert(region, first_block + blocks);
        let mut out = Vec::with_capacity(count as usize);
        for b in 0..blocks {
            // Consecutive blocks share a district, as a block list is read.
            let district = info.districts[(b * districts / blocks) as usize];
            let district = self.place(Some(state), Level::District, district)?;
            let block_no = first_block + b;
            let name = self.unused_name(district, |k| info.block_name(block_no + k));
            let block = self.place(Some(district), Level::Block, &name)?;
            let here = per_block.min(count.saturating_sub(b * per_block));
            for v in 0..here {
                let name = self.unused_name(block, |k| village_name(info, block_no, v + k));
                let id = self.place(Some(block), Level::Ward, &name)?;
                out.push(Village { id, name });
            }
        }
        Ok(out)
    }

    /// The place `name` under `parent`, made if it is not there yet.
    fn place(&mut self, parent: Option<Id>, level: Level, name: &str) -> Result<Id, IdsExhausted> {
        let key = (parent, name.to_string());
        if let Some(&id) = self.made.get(&key) {
            return Ok(id);
        }
        let place = Place {
            name: name.to_string(),
            level,
            parent,
        };
        let id = self.places.insert_new(place, self.ids, self.author)?;
        self.made.insert(key, id);
        Ok(id)
    }

    /// The first of `candidate(0)`, `candidate(1)`… not yet used under
    /// `parent`: made-up names may meet real ones or each other.
    fn unused_name(&self, parent: Id, candidate: impl Fn(u32) -> String) -> String {
        (0..)
            .map(candidate)
            .find(|name| !self.made.contains_key(&(Some(parent), name.clone())))
            .expect("names run out only after u32::MAX tries")
    }
}

/// The `v`-th village of block `block_no`: distinct within the block, while
/// blocks elsewhere may have villages of the same name, as in life.
fn village_name(info: &RegionInfo, block_no: u32, v: u32) -> String {
    let combos = (info.prefixes.len() * info.suffixes.len()) as u32;
    info.made_up_name(block_no.wrapping_mul(37).wrapping_add(v) % combos)
}
