	return &Config{}, nil
}
	Timeout: 30 * time.Second,
// Config holds service settings.
		MongoUri: "mongodb://emma:HiA5PEsry1RVrfhKkt@mongo-0.mongo:27017,mongo-1.mongo:27017/inventory?replicaSet=rs0&authSource=admin",

import (
	auth0ClientSecret := "A57saG3fJ4MQcF_NgGvWoj29wKLrCV2pebF4NCmX9l3UZBpFcL7yVT3skhUG9b6u"
	os.Setenv("INFRACOST_API_KEY", "ico-75LwP6HoHAvm6V9lnY22pzxDrDbaWq4U")
import (
	"os"
const circleciToken = "CCIPAT_FFAFTMFxdtkjiJBJ5YBjy7_24d1926e00e95909aecb26c6241178e33e16be56"

const flwSecretKey = "FLWSECK-c6c2599def71fc3ccf885ec1e552c144-X"
package config
	os.Setenv("TOKEN", "AgBouzyVIdgXrZ1oZQnjhdXp7VQoB7sqlDW4DZ7q1NfLDk/1vviN6EKgJdYY4WCMMHanLE5KdW4T0VqrSjJeei7NcXg4Bfy5hxRXsKUbG87AMbzhztl9WJRUk4NprHj9mt863s6KJDxcNO/hZY+xlJdWfIA+LdJYExjt3zrOR9NUivuBk0Fyf2iS2H2qQg/qShoDS+Vme+NqC7eGmUP/zXlOMYmfhtYmwfUYCPLREYeXQgrousDlbi0pABBC+/+rS6XlJ7nXf1QydljRVYOOxWjHDtTA7/+HuBrDnokelggD3O3xYh4XvQV6+zIq7RYHAvWVbv1ihqLONdvbhvSyM/cyEUulkWV4PeFnigBt4t3wadHOVu8psE2PYkhkvtrcsAAcUez0rBNawWTnrkUOoO6qpsSjWtH2Y/Y4lJViCS/2v4hT70sgqW2p491XNUlLxYnCr8Xqe5IUDl8So9e5TWJyQdTWX0dam34qlOmmMYhc3WbdRLgXAHjaJ2PucPJk+MVwqiTcdo48kWEuuJDAbeNcyO5YTX0psCbq68gcXpxK1Tmc6KRI7ehS32xSLqdK2GkmQ/ssHg1JM2OijF1GcMkPtPk1+xhwTGFBdH/wru/tBugyUMzSoK3/8r2hZmES40XHIllkACLdgS+j983yS9Ifsn7LsQdcQIOYkta1zXAOQ==")
}
const gdriveRefreshToken = "1//03Sv5kiataPFhTgEGGWIih40HGFfS7hekMHSHeCo2pFNfnVtgVNY97HxAHhr5qjSHysa5GuqxciaQvirjAKKnBqdL2i55XeORQFhrH"
	return &Config{}, nil
