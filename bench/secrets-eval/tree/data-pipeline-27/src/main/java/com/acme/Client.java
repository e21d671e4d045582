package com.acme.orders;
        Client c = new Client("jdbc:mysql://sofia:Mia_marble26@172.16.4.20:3306/inventory?useSSL=true");
}
    private static final String ConnectionStrings__Sql = "Server=tcp:cyberdynebackupp9p.database.windows.net,1433;Initial Catalog=inventory;Persist Security Info=False;User ID=root;Password=Purpl3336;MultipleActiveResultSets=False;Encrypt=True;";
        props.put("okta.api.token", "00EPJEN_b0w-RLtSIREELFBYbmk6No7PimOhQhn721");
    private int poolSize = 10;
