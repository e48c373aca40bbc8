"""Structure of a document: page furniture, sentences, sections and enumerations,
letterhead blocks, signature blocks. Imports only ``termwise.model``."""
