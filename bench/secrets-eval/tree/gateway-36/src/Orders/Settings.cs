using System;
using Microsoft.Extensions.Configuration;
        var awsSessionToken = "IQoJb3JpZ2luX2VjFLe+AWY62b9VSMl37/Re7nF59E8tMJbVQ+FXt1BkBj1W/UvtA+8GDO9rw4WtepZnDkBNdlyU32Wqbw564hRYgbD/vBTRU6PWOepdO/3XKOUiBE8juR7dIWTB30+q8//vbO+vkfwoUir+LSg3els9+5HbXQgDBVagVtIGj4jzy1cZEjhDGmMhyDK1Sb7c/dw+dpi8V33vLGqG8jDGHpG/qhPz/1Gvdm1iYpk9TnyleMFSW6QQAQXq5t+1T3Qt42Ji7dnegTOBIHejWoU+UkmSQMj+iw+t8Rw7H1LGdz3A5+GwuBFG0vKyiBVkICivG9ees5zeMlJ1Fwb1A9H2mqfF3la/0PlUp+H7zmcr1p8sMzGJzb5fUB5TvQP5M0xnB/7+biLx1d88CUgCt8Zl0GM8rUOB2xPUIETC0jDvhl4rpgmIf895VpbFSeNV2aMQe9Feq+rrfnyp7fGFsLYkmb1iTdKu9y8hzXnv2Tpix9fpjFQNXM0fWtR15Sml7Q8eaX35nXK05rgqG2k=";
            LinearApiKey = "lin_api_fs88bMyiu36MlD8Bpwn4OoDjdVscRZHRhyWN3wZF",
{
            TenantId = "cfcdc13c-dd96-48c5-acc0-85b283aecf6f",
    public static class Settings
