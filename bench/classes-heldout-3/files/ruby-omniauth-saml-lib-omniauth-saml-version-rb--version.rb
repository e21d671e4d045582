module OmniAuth
  module SAML
    VERSION = '2.1.0'
  end
end
