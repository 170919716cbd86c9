-- 0022-need-words: an assessment item's need as the plan will state it
-- (解決すべき課題(本人のニーズ), in the client's words), apart from the
-- fact and its interpretation, so that pulling needs into a plan takes
-- this wording instead of pasting the fact and the interpretation.
ALTER TABLE assessment_item ADD COLUMN need_words TEXT NOT NULL DEFAULT '';
