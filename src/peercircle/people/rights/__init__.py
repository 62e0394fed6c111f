"""Data-subject rights: access and portability, erasure, retention, the register of processing.

Each app tells what it keeps about a person in its own `subject_data.py`, registering a
`SubjectDataProvider` (see `registry.py`); `people` never imports the other apps for this.
"""
