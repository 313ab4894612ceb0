"""Complement frames: an appeal, promise, demand, refusal or threat takes its code from its content.

"Urged Russia to release the prisoners" is an appeal for a release (0253), not a release;
"threatened sanctions" is a threat of sanctions (1312). Counterpart codes follow the parallel
structure of the CAMEO 1.1b3 codebook (02x/03x/10x/12x/13x mirror the 04x-08x and 16x-20x actions).
"""

from __future__ import annotations

from typing import Final

# Column per frame: appeal (02), intent (03), demand (10), reject (12), threaten (13).
FRAME_OF_ROOT: Final = {"02": 0, "03": 1, "10": 2, "12": 3, "13": 4}
_N = None
COUNTERPARTS: Final[dict[str, tuple[str | None, ...]]] = {
    "04": ("026", "036", "106", "125", "134"),
    "045": ("028", "039", "108", "126", "135"),
    "05": ("022", "032", "102", _N, _N),
    "057": ("027", "037", "107", "127", _N),
    "06": ("021", "031", "101", "121", _N),
    "061": ("0211", "0311", "1011", "1211", _N),
    "062": ("0212", "0312", "1012", "1212", _N),
    "063": ("0213", "0313", "1013", "121", _N),
    "064": ("0214", "0314", "1014", "121", _N),
    "07": ("023", "033", "103", "122", "1311"),
    "071": ("0231", "0331", "1031", "1221", "1311"),
    "072": ("0232", "0332", "1032", "1222", "1311"),
    "073": ("0233", "0333", "1033", "1223", "1311"),
    "074": ("0234", "0334", "1034", "1224", "1311"),
    "08": ("025", "035", "105", "124", _N),
    "081": ("0251", "0351", "1051", "1241", _N),
    "082": ("0252", "0352", "1052", "1242", _N),
    "083": ("024", "034", "104", "123", _N),
    "0831": ("0241", "0341", "1041", "1231", _N),
    "0832": ("0242", "0342", "1042", "1232", _N),
    "0833": ("0243", "0343", "1043", "1233", _N),
    "0834": ("0244", "0344", "1044", "1234", _N),
    "084": ("0253", "0353", "1053", "1243", _N),
    "085": ("0254", "0354", "1054", "1244", _N),
    "086": ("0255", "0355", "1055", "1245", _N),
    "087": ("0256", "0356", "1056", "1246", _N),
    "14": (_N, _N, _N, _N, "133"),
    "16": (_N, _N, _N, _N, "131"),
    "161": (_N, _N, _N, _N, "1313"),
    "162": (_N, _N, _N, _N, "1311"),
    "163": (_N, _N, _N, _N, "1312"),
    "164": (_N, _N, _N, _N, "134"),
    "165": (_N, _N, _N, _N, "135"),
    "166": (_N, _N, _N, _N, "136"),
    "17": (_N, _N, _N, _N, "137"),
    "172": (_N, _N, _N, _N, "132"),
    "1721": (_N, _N, _N, _N, "1321"),
    "1722": (_N, _N, _N, _N, "1322"),
    "1723": (_N, _N, _N, _N, "1323"),
    "1724": (_N, _N, _N, _N, "1324"),
    "18": (_N, _N, _N, _N, "1383"),
    "19": (_N, _N, _N, _N, "1384"),
    "191": (_N, _N, _N, _N, "1381"),
    "192": (_N, _N, _N, _N, "1382"),
    "20": (_N, _N, _N, _N, "1385"),
}


def counterpart(governor_code: str, content_code: str) -> str | None:
    """The code of a ``governor_code`` frame (020, 130, ...) whose content is ``content_code``."""
    frame = FRAME_OF_ROOT.get(governor_code[:2])
    if frame is None:
        return None
    for length in (4, 3, 2):
        row = COUNTERPARTS.get(content_code[:length])
        if row is not None and row[frame] is not None:
            return row[frame]
    return None
