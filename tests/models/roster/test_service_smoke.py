from models.roster.artist import ArtistDraft
from models.roster.service import RosterService


def test_add_and_find_by_pinyin(db):
    roster = RosterService(db)
    a = roster.add(ArtistDraft("林晓"))
    assert a.romanized_name == "Lin Xiao"
    assert roster.search_ids("linxiao") == [a.id]
