"""The order of one person's ratings that share an instant, as MovieLensEvaluation.TieOrder orders them: by a fixed
hash of person and item (the default), or by item id with --ties movie on the command line. Shared by the Python
yardsticks beside it so that they split exactly as the Java evaluation does."""
import sys

_MASK = (1 << 64) - 1
BY_MOVIE = "--ties" in sys.argv and sys.argv[sys.argv.index("--ties") + 1] == "movie"


def tie_key(user, movie):
    """Java's TieOrder.key: a 64-bit mix of person and item, compared as a signed long."""
    if BY_MOVIE:
        return movie
    h = (user * 0x9E3779B97F4A7C15 + movie) & _MASK
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & _MASK
    h ^= h >> 33
    return h - (1 << 64) if h >> 63 else h
