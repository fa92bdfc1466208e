"""Hold a lock on a library from another process until stdin closes (for the tests).

python lock_holder.py LIBRARY write       # an open write transaction (WAL: readers go on)
python lock_holder.py LIBRARY exclusive   # exclusive locking mode: nobody else gets in
"""

import sqlite3
import sys

path, mode = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(path, isolation_level=None)
if mode == "exclusive":
    connection.execute("PRAGMA locking_mode = EXCLUSIVE")
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE workshop SET site = site")
if mode == "exclusive":
    connection.execute("COMMIT")
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE workshop SET site = site")
print("holding", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
connection.close()
