"""Structure of a document: page furniture, sentences, sections and enumerations,
letterhead blocks. Imports only ``termwise.model``. (Reading signature blocks, which
needs dates, is an extractor: ``termwise.extract.signatures``.)"""
