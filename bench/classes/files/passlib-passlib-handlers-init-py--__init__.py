"""passlib.handlers -- holds implementations of all passlib's builtin hash formats"""
