# -*- ruby encoding: utf-8 -*-
require_relative 'net/ldap'
