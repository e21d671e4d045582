"""passlib tests"""
