namespace Kindling.Web.Features.PersonalData;

public static class PersonalDataSetup
{
    public static IServiceCollection AddPersonalData(this IServiceCollection s)
    {
        s.AddScoped<PersonalRecords>();
        s.AddScoped<PersonalDataZip>();
        s.AddScoped<AccountDeletion>();
        return s;
    }
}
