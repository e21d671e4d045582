module OmniAuth
  module Strategies
    class SAML
      class ValidationError < Exception
      end
    end
  end
end