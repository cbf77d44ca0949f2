"""The certificates' own documents: the HTML of a certificate and of a training record.

They are rendered by the base layer's renderer (``lms.pdf``), like every PDF of Passage.
"""
